import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db';
import { agendaItems, collaborationAssessments, type AssessmentRow } from '../../db/schema';
import { DomainError, ValidationError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { linkAssessmentSchema, unlinkAssessmentSchema } from '../../../validation/register-assessments';
import { assertItemOpen, changeAssessment } from './assessment-change';
import type { Changed } from './change';

/** Linking is not changing the assessment: a completed one may be linked (it is then signed as it was completed). */
const evenCompleted = { open: false };

const setItem = (tx: Tx, assessmentId: string, itemId: string | null) =>
	tx.update(collaborationAssessments).set({ agendaItemId: itemId, updatedAt: new Date() }).where(eq(collaborationAssessments.id, assessmentId));

/**
 * Links an assessment to the agenda item that proposes the arrangement or the change: from then on it is part
 * of the item's content, so of what the colleges sign. Only while the item (and the one it was linked to
 * before) is not frozen for decision: their content could no longer change. One assessment per item.
 */
export async function linkAssessmentToItem(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<void> {
	const data = parse(linkAssessmentSchema, input);
	authorize(actor, 'register.assess');
	const link = async (tx: Tx, assessment: AssessmentRow): Promise<Changed> => {
		const [item] = await tx.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.id, data.itemId));
		if (!item) throw new ValidationError({ itemId: 'validation_assessment_item_unknown' });
		if (assessment.agendaItemId === data.itemId) throw new DomainError('assessment_already_linked', {}, {}, 409);
		await assertItemOpen(tx, assessment.agendaItemId);
		await assertItemOpen(tx, data.itemId);
		const [taken] = await tx
			.select({ id: collaborationAssessments.id })
			.from(collaborationAssessments)
			.where(eq(collaborationAssessments.agendaItemId, data.itemId));
		if (taken) throw new ValidationError({ itemId: 'validation_assessment_item_taken' });
		await setItem(tx, assessment.id, data.itemId);
		return { action: 'collaboration.assessment_linked', details: { assessmentId: assessment.id, itemId: data.itemId }, part: 'assessments' };
	};
	await changeAssessment(db, actor, data.assessmentId, origin, link, evenCompleted);
}

/** Takes the assessment out of the item's content again, while the item is not frozen for decision. */
export async function unlinkAssessment(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<void> {
	const data = parse(unlinkAssessmentSchema, input);
	authorize(actor, 'register.assess');
	const unlink = async (tx: Tx, assessment: AssessmentRow): Promise<Changed> => {
		const itemId = assessment.agendaItemId;
		if (!itemId) throw new DomainError('assessment_not_linked', {}, {}, 409);
		await assertItemOpen(tx, itemId);
		await setItem(tx, assessment.id, null);
		return { action: 'collaboration.assessment_unlinked', details: { assessmentId: assessment.id, itemId }, part: 'assessments' };
	};
	await changeAssessment(db, actor, data.assessmentId, origin, unlink, evenCompleted);
}
