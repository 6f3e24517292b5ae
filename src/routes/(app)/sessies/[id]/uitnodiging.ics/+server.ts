import * as meetings from '$lib/server/modules/meetings';
import { download, fileOrError } from '../files.server';

/** The session's iCalendar invitation (meeting.read). */
export const GET = async ({ locals, params, url }) => {
	const { ics, filename } = await fileOrError(() => meetings.meetingInvitation(locals.db, locals.actor, params.id, url.origin));
	return download(ics, 'text/calendar; charset=utf-8; method=REQUEST', filename);
};
