import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { meetings } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { highlightsPublicationSchema } from '../../../validation/public';
import type { MeetingState } from '../../../meetings/live';
import { changeMeeting } from './change';

/**
 * The verkenner publishes a closed session's highlights on the public site, or takes them off it. Only a
 * closed session has highlights to publish; what of them the public sees is the public module's rule.
 */
export async function publishHighlights(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<MeetingState> {
	authorize(actor, 'meeting.publish');
	const data = parse(highlightsPublicationSchema, input);
	return changeMeeting(db, actor, data.meetingId, origin, async (tx, meeting, now) => {
		if (meeting.status !== 'afgesloten') throw new DomainError('public_highlights_not_closed', {}, {}, 409);
		if ((meeting.highlightsPublishedAt !== null) === data.published) return null;
		await tx
			.update(meetings)
			.set({ highlightsPublishedAt: data.published ? now : null })
			.where(eq(meetings.id, meeting.id));
		return { action: 'meeting.highlights_published', details: { published: data.published } };
	});
}
