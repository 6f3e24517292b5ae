import type { Db } from '../../db';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { setChoiceSchema } from '../../../validation/register-assessments';
import { assertItemOpen, assertRevision, changeAssessment, nextRevision } from './assessment-change';

/** The afwegingskader's outcome: zelf doen, samen doen of uitbesteden, with the reasons for it. */
export async function setChoice(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ revision: number }> {
	const data = parse(setChoiceSchema, input);
	authorize(actor, 'register.assess');
	let revision = 0;
	await changeAssessment(db, actor, data.assessmentId, origin, async (tx, assessment) => {
		assertRevision(assessment, data.revision);
		await assertItemOpen(tx, assessment.agendaItemId);
		revision = await nextRevision(tx, assessment.id, { choice: data.choice, choiceReasons: data.reasons });
		return {
			action: 'collaboration.assessment_choice_set',
			details: { assessmentId: assessment.id, revision, choice: { from: assessment.choice, to: data.choice } },
			part: 'assessments'
		};
	});
	return { revision };
}
