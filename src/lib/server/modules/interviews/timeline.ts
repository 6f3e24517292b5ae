import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { interviewCandidates, interviews, users } from '../../db/schema';
import type { Actor } from '../../permissions';
import type { InterviewBody } from '../../../interviews/constants';
import { visibleInterviewsWhere, visibleVisibilities } from './visibility';
import type { InterviewOriginEntry } from '../../../interviews/views';

export type { InterviewOriginEntry } from '../../../interviews/views';

/**
 * The interviews an agenda item came from, for its timeline. Interviews the actor may not read are left out
 * entirely (the entry would reveal that a confidential conversation took place).
 */
export async function interviewOrigins(q: Queryable, actor: Actor | null, itemId: string): Promise<InterviewOriginEntry[]> {
	if (!visibleVisibilities(actor).length) return []; // no query for those who read no interview at all
	const rows = await q
		.select({
			at: interviewCandidates.linkedAt,
			createdAt: interviewCandidates.createdAt,
			byName: users.name,
			link: interviewCandidates.link,
			candidateTitle: interviewCandidates.title,
			interviewId: interviews.id,
			municipalityId: interviews.municipalityId,
			body: interviews.body,
			bodyOther: interviews.bodyOther,
			heldOn: interviews.heldOn
		})
		.from(interviewCandidates)
		.innerJoin(interviews, eq(interviews.id, interviewCandidates.interviewId))
		.leftJoin(users, eq(users.id, interviewCandidates.linkedBy))
		.where(and(eq(interviewCandidates.itemId, itemId), visibleInterviewsWhere(actor)))
		.orderBy(asc(interviewCandidates.linkedAt));
	return rows.map((r) => ({
		kind: 'interview' as const,
		at: r.at ?? r.createdAt,
		byName: r.byName,
		interviewId: r.interviewId,
		municipalityId: r.municipalityId,
		body: r.body as InterviewBody,
		bodyOther: r.bodyOther,
		heldOn: r.heldOn,
		link: (r.link ?? 'added') as 'created' | 'added',
		candidateTitle: r.candidateTitle
	}));
}
