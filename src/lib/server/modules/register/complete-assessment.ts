import type { Db } from '../../db';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { completeAssessmentSchema } from '../../../validation/register-assessments';
import { assertRevision, changeAssessment, nextRevision } from './assessment-change';

/**
 * Completes an assessment: from now on it is the record of that moment (answers, choice and scores no longer
 * change), and it counts in the comparison over time. A new moment takes a new assessment.
 */
export async function completeAssessment(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ revision: number }> {
	const data = parse(completeAssessmentSchema, input);
	authorize(actor, 'register.assess');
	let revision = 0;
	await changeAssessment(db, actor, data.assessmentId, origin, async (tx, assessment) => {
		assertRevision(assessment, data.revision);
		revision = await nextRevision(tx, assessment.id, { completedAt: new Date() });
		return { action: 'collaboration.assessment_completed', details: { assessmentId: assessment.id, revision }, part: 'assessments' };
	});
	return { revision };
}
