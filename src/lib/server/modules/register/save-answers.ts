import type { Db } from '../../db';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { saveAnswersSchema } from '../../../validation/register-assessments';
import { assertItemOpen, assertRevision, changeAssessment, nextRevision } from './assessment-change';

/**
 * Saves answers to some of the toetsingskader's questions; the others keep theirs. A blank answer clears its
 * question. The audit row names the questions whose answer changed (the texts are on the assessment).
 */
export async function saveAnswers(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ revision: number }> {
	const data = parse(saveAnswersSchema, input);
	authorize(actor, 'register.assess');
	let revision = 0;
	await changeAssessment(db, actor, data.assessmentId, origin, async (tx, assessment) => {
		assertRevision(assessment, data.revision);
		await assertItemOpen(tx, assessment.agendaItemId);
		const answers = { ...assessment.answers };
		const questions: string[] = [];
		for (const [code, text] of Object.entries(data.answers)) {
			if ((answers[code] ?? '') === text.trim()) continue;
			questions.push(code);
			if (text.trim()) answers[code] = text.trim();
			else delete answers[code];
		}
		revision = await nextRevision(tx, assessment.id, { answers });
		return { action: 'collaboration.assessment_answered', details: { assessmentId: assessment.id, revision, questions }, part: 'assessments' };
	});
	return { revision };
}
