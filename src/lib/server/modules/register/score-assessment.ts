import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { collaborationAssessmentScoreChanges, collaborationAssessmentScores } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { scoreAssessmentSchema } from '../../../validation/register-assessments';
import { assertParticipates } from './change';
import { assertItemOpen, changeAssessment } from './assessment-change';

/**
 * One municipality's scores on some of the eight criteria, by its own officials: all of one submit or none.
 * Only a municipality taking part scores. Every score that changed (value or motivation) is also appended
 * to the history, so an earlier judgement stays readable after it was revised.
 */
export async function scoreAssessment(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ changed: number }> {
	const data = parse(scoreAssessmentSchema, input);
	authorize(actor, 'register.score', { municipalityId: data.municipalityId });
	let changed = 0;
	await changeAssessment(db, actor, data.assessmentId, origin, async (tx, assessment) => {
		await assertParticipates(tx, assessment.collaborationId, data.municipalityId);
		await assertItemOpen(tx, assessment.agendaItemId);
		const mine = and(eq(collaborationAssessmentScores.assessmentId, assessment.id), eq(collaborationAssessmentScores.municipalityId, data.municipalityId));
		const before = new Map((await tx.select().from(collaborationAssessmentScores).where(mine)).map((r) => [r.criterion, r]));
		const changes = data.scores.filter((s) => before.get(s.criterion)?.score !== s.score || before.get(s.criterion)?.motivation !== s.motivation);
		const key = { assessmentId: assessment.id, municipalityId: data.municipalityId };
		for (const s of changes) {
			const values = { score: s.score, motivation: s.motivation, updatedBy: actor.userId, updatedAt: new Date() };
			await tx
				.insert(collaborationAssessmentScores)
				.values({ ...key, criterion: s.criterion, ...values })
				.onConflictDoUpdate({
					target: [collaborationAssessmentScores.assessmentId, collaborationAssessmentScores.municipalityId, collaborationAssessmentScores.criterion],
					set: values
				});
		}
		if (changes.length)
			await tx
				.insert(collaborationAssessmentScoreChanges)
				.values(changes.map((s) => ({ ...key, criterion: s.criterion, score: s.score, motivation: s.motivation, changedBy: actor.userId })));
		changed = changes.length;
		return {
			action: 'collaboration.assessment_scored',
			details: {
				assessmentId: assessment.id,
				municipalityId: data.municipalityId,
				scores: changes.map((s) => ({ criterion: s.criterion, score: { from: before.get(s.criterion)?.score ?? null, to: s.score } }))
			},
			part: 'assessments',
			municipalityId: data.municipalityId
		};
	});
	return { changed };
}
