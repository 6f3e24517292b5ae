import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { interviews } from '../../db/schema';
import { can, type Actor } from '../../permissions';
import type { InterviewVisibility } from '../../../interviews/constants';

/**
 * THE visibility rule of interviews, used by pages, the API, the item timeline and the sockets alike:
 * shared interviews need interview.read, confidential ones interview.read_confidential. Everything else here
 * is derived from this one function.
 */
export function visibleVisibilities(actor: Actor | null): InterviewVisibility[] {
	if (!can(actor, 'interview.read')) return [];
	return can(actor, 'interview.read_confidential') ? ['klankbordgroep', 'vertrouwelijk'] : ['klankbordgroep'];
}

/** May this actor see this interview (and anything in it: notes, candidates, its room)? */
export function mayReadInterview(actor: Actor | null, interview: { visibility: string }): boolean {
	return (visibleVisibilities(actor) as string[]).includes(interview.visibility);
}

/** The same rule as SQL, for every query that lists interviews. */
export function visibleInterviewsWhere(actor: Actor | null): SQL {
	const allowed = visibleVisibilities(actor);
	return allowed.length ? (inArray(interviews.visibility, allowed) as SQL) : sql`false`;
}

/** The interview's sequence numbers when this actor may see it; null when it is missing or not visible to them. */
export async function visibleInterview(
	q: Queryable,
	actor: Actor | null,
	interviewId: string
): Promise<{ visibility: string; seq: number; notesRevision: number } | null> {
	const [row] = await q
		.select({ visibility: interviews.visibility, seq: interviews.seq, notesRevision: interviews.notesRevision })
		.from(interviews)
		.where(eq(interviews.id, interviewId));
	return row && mayReadInterview(actor, row) ? row : null;
}
