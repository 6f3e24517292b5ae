import { eq, sql } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '../../db';
import { agendaItems, collaborationAssessments, type AssessmentRow, type CollaborationRow } from '../../db/schema';
import { DomainError } from '../../errors';
import type { Actor } from '../../permissions';
import type { Origin } from '../audit';
import { isFrozenStatus } from '../../../decisions/constants';
import { changeCollaboration, type Changed } from './change';

/** One assessment; with `lock` it stays locked (FOR UPDATE) until the transaction ends. */
export async function loadAssessment(q: Queryable, assessmentId: string, opts: { lock?: boolean } = {}): Promise<AssessmentRow> {
	const base = q.select().from(collaborationAssessments).where(eq(collaborationAssessments.id, assessmentId));
	const [row] = opts.lock ? await base.for('update') : await base;
	if (!row) throw new DomainError('assessment_not_found', {}, {}, 404);
	return row;
}

/** Refuses a form that saw an older revision of the assessment: someone else changed it meanwhile. */
export function assertRevision(row: AssessmentRow, revision: number): void {
	if (row.revision !== revision) throw new DomainError('assessment_conflict', {}, {}, 409);
}

/**
 * An assessment linked to an agenda item is part of what the colleges sign: while the item is frozen for
 * decision its assessment does not change either (the item row is locked, so a status change waits for us).
 */
export async function assertItemOpen(q: Queryable, itemId: string | null): Promise<void> {
	if (!itemId) return;
	const [item] = await q.select({ status: agendaItems.status }).from(agendaItems).where(eq(agendaItems.id, itemId)).for('update');
	if (item && isFrozenStatus(item.status)) throw new DomainError('assessment_item_frozen', {}, {}, 409);
}

type Work = (tx: Tx, assessment: AssessmentRow, collaboration: CollaborationRow) => Promise<Changed>;

/**
 * Every command on an existing assessment: through `changeCollaboration` (the arrangement locked, its `seq`
 * bumped, audited on the arrangement, its event after commit), with the assessment locked too. A completed
 * assessment is a record of its moment: it no longer changes. `open: false` lets a command pass a completed
 * one (unlinking it from an item is not changing it).
 */
export async function changeAssessment(db: Db, actor: Actor, assessmentId: string, origin: Origin, work: Work, opts: { open?: boolean } = {}) {
	const { collaborationId } = await loadAssessment(db, assessmentId);
	return changeCollaboration(db, actor, collaborationId, origin, async (tx, collaboration) => {
		const assessment = await loadAssessment(tx, assessmentId, { lock: true });
		if (opts.open !== false && assessment.completedAt) throw new DomainError('assessment_completed', {}, {}, 409);
		return work(tx, assessment, collaboration);
	});
}

/** Bumps the assessment's revision (its forms' guard); returns the new one. */
export async function nextRevision(tx: Tx, assessmentId: string, set: Partial<typeof collaborationAssessments.$inferInsert> = {}): Promise<number> {
	const [row] = await tx
		.update(collaborationAssessments)
		.set({ ...set, revision: sql`${collaborationAssessments.revision} + 1`, updatedAt: new Date() })
		.where(eq(collaborationAssessments.id, assessmentId))
		.returning({ revision: collaborationAssessments.revision });
	return row.revision;
}
