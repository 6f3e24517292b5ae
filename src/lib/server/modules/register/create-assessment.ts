import type { Db } from '../../db';
import { collaborationAssessments } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { createAssessmentSchema } from '../../../validation/register-assessments';
import { changeCollaboration } from './change';

/** Starts an assessment of an arrangement (the verkenner or an administrator): for a proposal or an evaluation. */
export async function createAssessment(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ id: string }> {
	const data = parse(createAssessmentSchema, input);
	authorize(actor, 'register.assess');
	let id = '';
	await changeCollaboration(db, actor, data.collaborationId, origin, async (tx) => {
		const [row] = await tx
			.insert(collaborationAssessments)
			.values({ collaborationId: data.collaborationId, occasion: data.occasion, title: data.title, createdBy: actor.userId })
			.returning({ id: collaborationAssessments.id });
		id = row.id;
		return { action: 'collaboration.assessment_created', details: { assessmentId: id, occasion: data.occasion, title: data.title }, part: 'assessments' };
	});
	return { id };
}
