import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { agendaItems, collaborationAssessments } from '../../db/schema';
import { DomainError, ValidationError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { linkAssessmentSchema, unlinkAssessmentSchema } from '../../../validation/register-assessments';
import { assertItemOpen, changeAssessment } from './assessment-change';

/**
 * Links an assessment to the agenda item that proposes the arrangement or the change: from then on it is part
 * of the item's content, so of what the colleges sign. Only while the item is not frozen for decision (its
 * content could no longer change); one assessment per item. A completed assessment may be linked: it is
 * then signed as it was completed.
 */
export async function linkAssessmentToItem(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<void> {
	const data = parse(linkAssessmentSchema, input);
	authorize(actor, 'register.assess');
	await changeAssessment(
		db,
		actor,
		data.assessmentId,
		origin,
		async (tx, assessment) => {
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
			await tx.update(collaborationAssessments).set({ agendaItemId: data.itemId, updatedAt: new Date() }).where(eq(collaborationAssessments.id, assessment.id));
			return { action: 'collaboration.assessment_linked', details: { assessmentId: assessment.id, itemId: data.itemId }, part: 'assessments' };
		},
		{ open: false }
	);
}

/** Takes the assessment out of the item's content again, while the item is not frozen for decision. */
export async function unlinkAssessment(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<void> {
	const data = parse(unlinkAssessmentSchema, input);
	authorize(actor, 'register.assess');
	await changeAssessment(
		db,
		actor,
		data.assessmentId,
		origin,
		async (tx, assessment) => {
			const itemId = assessment.agendaItemId;
			if (!itemId) throw new DomainError('assessment_not_linked', {}, {}, 409);
			await assertItemOpen(tx, itemId);
			await tx.update(collaborationAssessments).set({ agendaItemId: null, updatedAt: new Date() }).where(eq(collaborationAssessments.id, assessment.id));
			return { action: 'collaboration.assessment_unlinked', details: { assessmentId: assessment.id, itemId }, part: 'assessments' };
		},
		{ open: false }
	);
}
