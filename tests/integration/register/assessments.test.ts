import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { collaborationAssessmentScoreChanges, collaborationAssessmentScores, collaborationAssessments } from '../../../src/lib/server/db/schema';
import * as register from '../../../src/lib/server/modules/register';
import { DomainError, ValidationError } from '../../../src/lib/server/errors';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { rejection } from '../agenda/helpers';
import { seedDemoAssessments } from '../../../src/lib/server/seed/demo-assessments';
import { registerAudit, registerSuite, servicepuntArrangement } from './helpers';

const s = registerSuite();

const arrangement = () => servicepuntArrangement(s);

async function assessment(title = 'Evaluatie 2026'): Promise<{ collaborationId: string; id: string }> {
	const collaborationId = await arrangement();
	const { id } = await register.createAssessment(s.db, s.verkenner.actor, { collaborationId, occasion: 'evaluatie', title }, testOrigin);
	return { collaborationId, id };
}

const row = async (id: string) => (await s.db.select().from(collaborationAssessments).where(eq(collaborationAssessments.id, id)))[0];
const scoresOf = (id: string) => s.db.select().from(collaborationAssessmentScores).where(eq(collaborationAssessmentScores.assessmentId, id));
const historyOf = (id: string) => s.db.select().from(collaborationAssessmentScoreChanges).where(eq(collaborationAssessmentScoreChanges.assessmentId, id));
const score = (id: string, municipalityId: string, scores: unknown[]) => ({ assessmentId: id, municipalityId, scores });

describe('creating an assessment', () => {
	it('lets the verkenner start one, audited on the arrangement, with its event after commit', async () => {
		const { collaborationId, id } = await assessment();
		expect(await row(id)).toMatchObject({ collaborationId, occasion: 'evaluatie', title: 'Evaluatie 2026', revision: 1, completedAt: null, answers: {} });
		const audit = await registerAudit(s.db, collaborationId);
		expect([audit.at(-1)?.action, audit.at(-1)?.details]).toEqual([
			'collaboration.assessment_created',
			{ assessmentId: id, occasion: 'evaluatie', title: 'Evaluatie 2026' }
		]);
		expect(s.events.at(-1)).toMatchObject({ collaborationId, part: 'assessments' });
	});

	it.each([
		['an unknown occasion', { occasion: 'jaarverslag' }, 'occasion', 'validation_assessment_occasion'],
		['an empty title', { title: '  ' }, 'title', 'validation_assessment_title_required'],
		['a title over 200 characters', { title: 'x'.repeat(201) }, 'title', 'validation_assessment_title_too_long'],
		['no arrangement', { collaborationId: 'nope' }, 'collaborationId', 'validation_register_unknown']
	])('refuses %s', async (_, extra, field, key) => {
		const collaborationId = await arrangement();
		const err = await rejection(
			register.createAssessment(s.db, s.verkenner.actor, { collaborationId, occasion: 'evaluatie', title: 'T', ...extra }, testOrigin)
		);
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fields[field]).toBe(key);
		expect((await register.listAssessments(s.db, s.verkenner.actor, collaborationId)).assessments).toEqual([]);
	});

	it('is for the verkenner and the administrator only', async () => {
		const collaborationId = await arrangement();
		for (const who of [s.adviseurLeiden, s.kbLeiden, s.collegeLeiden])
			expect(await rejection(register.createAssessment(s.db, who.actor, { collaborationId, occasion: 'evaluatie', title: 'T' }, testOrigin))).toBeInstanceOf(
				ForbiddenError
			);
		await register.createAssessment(s.db, s.admin.actor, { collaborationId, occasion: 'voorstel_wijziging', title: 'Wijziging' }, testOrigin);
		expect((await register.listAssessments(s.db, s.meelezer.actor, collaborationId)).assessments.map((a) => a.title)).toEqual(['Wijziging']);
	});

	it('lists an arrangement’s assessments newest first', async () => {
		const { collaborationId } = await assessment('Eerste');
		await register.createAssessment(s.db, s.verkenner.actor, { collaborationId, occasion: 'voorstel_wijziging', title: 'Tweede' }, testOrigin);
		expect((await register.listAssessments(s.db, s.kbLeiden.actor, collaborationId)).assessments.map((a) => a.title)).toEqual(['Tweede', 'Eerste']);
	});
});

describe('answers and choice', () => {
	it('saves any subset of the questions, keeps the others, clears a blank one, guarded by revision', async () => {
		const { collaborationId, id } = await assessment();
		const first = await register.saveAnswers(
			s.db,
			s.verkenner.actor,
			{ assessmentId: id, revision: 1, answers: { 'strategisch.wat': 'Gezamenlijke bedrijfsvoering', 'juridisch.rechtsvorm': 'Bedrijfsvoeringsorganisatie' } },
			testOrigin
		);
		expect(first.revision).toBe(2);
		await register.saveAnswers(
			s.db,
			s.verkenner.actor,
			{ assessmentId: id, revision: 2, answers: { 'strategisch.wat': ' ', 'operationeel.kosten': 'Lager' } },
			testOrigin
		);
		expect((await row(id)).answers).toEqual({ 'juridisch.rechtsvorm': 'Bedrijfsvoeringsorganisatie', 'operationeel.kosten': 'Lager' });
		const audit = await registerAudit(s.db, collaborationId);
		expect(audit.at(-1)?.details).toEqual({ assessmentId: id, revision: 3, questions: ['strategisch.wat', 'operationeel.kosten'] });
		const stale = await rejection(
			register.saveAnswers(s.db, s.verkenner.actor, { assessmentId: id, revision: 2, answers: { 'strategisch.wat': 'Oud' } }, testOrigin)
		);
		expect([stale.key, stale.status]).toEqual(['assessment_conflict', 409]);
		expect((await row(id)).answers['strategisch.wat']).toBeUndefined();
	});

	it.each([
		['an unknown question', { 'strategisch.waarom': 'ok', 'strategisch.hoezo': 'x' }, 'answers.strategisch.hoezo', 'validation_assessment_question_unknown'],
		['an answer over 10,000 characters', { 'strategisch.wat': 'x'.repeat(10_001) }, 'answers.strategisch.wat', 'validation_assessment_answer_too_long'],
		['an answer that is not text', { 'strategisch.wat': 5 }, 'answers.strategisch.wat', 'validation_assessment_answer'],
		['answers that are no list of answers', 'tekst', 'answers', 'validation_assessment_answer']
	])('refuses %s, storing nothing', async (_, answers, field, key) => {
		const { id } = await assessment();
		const err = await rejection(register.saveAnswers(s.db, s.verkenner.actor, { assessmentId: id, revision: 1, answers }, testOrigin));
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fields[field]).toBe(key);
		expect(await row(id)).toMatchObject({ answers: {}, revision: 1 });
	});

	it('records the afwegingskader choice with its reasons, and refuses another choice', async () => {
		const { id } = await assessment();
		await register.setChoice(s.db, s.verkenner.actor, { assessmentId: id, revision: 1, choice: 'samen_doen', reasons: 'Schaal en kwetsbaarheid' }, testOrigin);
		expect(await row(id)).toMatchObject({ choice: 'samen_doen', choiceReasons: 'Schaal en kwetsbaarheid', revision: 2 });
		const err = await rejection(register.setChoice(s.db, s.verkenner.actor, { assessmentId: id, revision: 2, choice: 'fuseren' }, testOrigin));
		expect(err.fields.choice).toBe('validation_assessment_choice');
		expect(
			await rejection(register.setChoice(s.db, s.adviseurLeiden.actor, { assessmentId: id, revision: 2, choice: 'zelf_doen' }, testOrigin))
		).toBeInstanceOf(ForbiddenError);
		expect((await row(id)).choice).toBe('samen_doen');
	});

	it('freezes a completed assessment: answers, choice and scores are refused with 409', async () => {
		const { id } = await assessment();
		await register.completeAssessment(s.db, s.verkenner.actor, { assessmentId: id, revision: 1 }, testOrigin);
		expect((await row(id)).completedAt).not.toBeNull();
		// Each attempt starts only when the one before has been refused: a command never runs unawaited.
		for (const attempt of [
			() => register.saveAnswers(s.db, s.verkenner.actor, { assessmentId: id, revision: 2, answers: { 'strategisch.wat': 'Later' } }, testOrigin),
			() => register.setChoice(s.db, s.verkenner.actor, { assessmentId: id, revision: 2, choice: 'zelf_doen' }, testOrigin),
			() => register.completeAssessment(s.db, s.verkenner.actor, { assessmentId: id, revision: 2 }, testOrigin),
			() => register.scoreAssessment(s.db, s.adviseurLeiden.actor, score(id, 'leiden', [{ criterion: 'efficiency', score: 4 }]), testOrigin)
		]) {
			const err = await rejection(attempt());
			expect(err).toBeInstanceOf(DomainError);
			expect([err.key, err.status]).toEqual(['assessment_completed', 409]);
		}
		expect(await row(id)).toMatchObject({ answers: {}, choice: null, revision: 2 });
		expect(await scoresOf(id)).toEqual([]);
	});

	it('answers an unknown assessment with not found', async () => {
		await arrangement();
		const err = await rejection(register.saveAnswers(s.db, s.verkenner.actor, { assessmentId: crypto.randomUUID(), revision: 1, answers: {} }, testOrigin));
		expect([err.key, err.status]).toEqual(['assessment_not_found', 404]);
	});
});

describe('scores', () => {
	it('lets an adviseur score for their own municipality, all of one submit together, with history', async () => {
		const { collaborationId, id } = await assessment();
		const res = await register.scoreAssessment(
			s.db,
			s.adviseurLeiden.actor,
			score(id, 'leiden', [
				{ criterion: 'efficiency', score: 4, motivation: 'Schaalvoordeel' },
				{ criterion: 'transparantie', score: 2 }
			]),
			testOrigin
		);
		expect(res.changed).toBe(2);
		await register.scoreAssessment(
			s.db,
			s.adviseurLeiden.actor,
			score(id, 'leiden', [
				{ criterion: 'efficiency', score: 3, motivation: 'Na herberekening' },
				{ criterion: 'transparantie', score: 2 }
			]),
			testOrigin
		);
		expect((await scoresOf(id)).map((r) => [r.criterion, r.score, r.motivation]).sort()).toEqual([
			['efficiency', 3, 'Na herberekening'],
			['transparantie', 2, '']
		]);
		// The unchanged transparency score is not appended again; the earlier efficiency score stays readable.
		expect((await historyOf(id)).map((r) => [r.criterion, r.score]).sort()).toEqual([
			['efficiency', 3],
			['efficiency', 4],
			['transparantie', 2]
		]);
		const audit = await registerAudit(s.db, collaborationId);
		expect(audit.at(-1)?.details).toEqual({ assessmentId: id, municipalityId: 'leiden', scores: [{ criterion: 'efficiency', score: { from: 4, to: 3 } }] });
		expect(s.events.at(-1)).toMatchObject({ collaborationId, part: 'assessments', municipalityId: 'leiden' });
		const detail = await register.getAssessment(s.db, s.meelezer.actor, id);
		expect(detail.history.map((h) => [h.criterion, h.score, h.by])[0]).toEqual(['efficiency', 3, 'Anne Adviseur']);
	});

	it.each([
		['a score outside the scale', [{ criterion: 'efficiency', score: 6 }], 'scores.0.score', 'validation_assessment_score_scale'],
		['a score of zero', [{ criterion: 'efficiency', score: 0 }], 'scores.0.score', 'validation_assessment_score_scale'],
		['a score that is no whole number', [{ criterion: 'efficiency', score: 3.5 }], 'scores.0.score', 'validation_assessment_score_scale'],
		['an unknown criterion', [{ criterion: 'snelheid', score: 3 }], 'scores.0.criterion', 'validation_assessment_criterion'],
		[
			'a criterion twice',
			[
				{ criterion: 'efficiency', score: 3 },
				{ criterion: 'efficiency', score: 4 }
			],
			'scores',
			'validation_assessment_criterion_twice'
		],
		[
			'a motivation over 2,000 characters',
			[{ criterion: 'efficiency', score: 3, motivation: 'x'.repeat(2001) }],
			'scores.0.motivation',
			'validation_assessment_motivation_too_long'
		],
		['no scores at all', [], 'scores', 'validation_assessment_scores_required']
	])('refuses %s, storing none of the submit', async (_, scores, field, key) => {
		const { id } = await assessment();
		const err = await rejection(register.scoreAssessment(s.db, s.adviseurLeiden.actor, score(id, 'leiden', scores), testOrigin));
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fields[field]).toBe(key);
		expect(await scoresOf(id)).toEqual([]);
		expect(await historyOf(id)).toEqual([]);
	});

	it('keeps a valid score out when another in the same submit is refused', async () => {
		const { id } = await assessment();
		const err = await rejection(
			register.scoreAssessment(
				s.db,
				s.adviseurLeiden.actor,
				score(id, 'leiden', [
					{ criterion: 'kwaliteit', score: 5 },
					{ criterion: 'efficiency', score: 9 }
				]),
				testOrigin
			)
		);
		expect(err.fields['scores.1.score']).toBe('validation_assessment_score_scale');
		expect(await scoresOf(id)).toEqual([]);
	});

	it('refuses another municipality, one not taking part, and roles that do not score', async () => {
		const { id } = await assessment();
		const one = [{ criterion: 'efficiency', score: 3 }];
		expect(await rejection(register.scoreAssessment(s.db, s.adviseurLeiden.actor, score(id, 'leiderdorp', one), testOrigin))).toBeInstanceOf(ForbiddenError);
		for (const who of [s.collegeLeiden, s.kbLeiden, s.verkenner, s.griffieLeiden])
			expect(await rejection(register.scoreAssessment(s.db, who.actor, score(id, 'leiden', one), testOrigin))).toBeInstanceOf(ForbiddenError);
		const voorschoten = await newUser(s.db, [['ambtelijkadviseur', 'voorschoten']]);
		const err = await rejection(register.scoreAssessment(s.db, voorschoten.actor, score(id, 'voorschoten', one), testOrigin));
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fields.municipalityId).toBe('validation_register_not_participant');
		const wassenaar = await rejection(register.scoreAssessment(s.db, s.adviseurLeiden.actor, score(id, 'wassenaar', one), testOrigin));
		expect(wassenaar.fields.municipalityId).toBe('validation_assessment_municipality');
		expect(await scoresOf(id)).toEqual([]);
	});
});

describe('figures', () => {
	/** Three municipalities score; returns the assessment. */
	async function scored(collaborationId: string, title: string, leiden: number, leiderdorp: number, oegstgeest: number) {
		const { id } = await register.createAssessment(s.db, s.verkenner.actor, { collaborationId, occasion: 'evaluatie', title }, testOrigin);
		const adviseurLeiderdorp = await newUser(s.db, [['ambtelijkadviseur', 'leiderdorp']]);
		await register.scoreAssessment(s.db, s.adviseurLeiden.actor, score(id, 'leiden', [{ criterion: 'efficiency', score: leiden }]), testOrigin);
		await register.scoreAssessment(s.db, adviseurLeiderdorp.actor, score(id, 'leiderdorp', [{ criterion: 'efficiency', score: leiderdorp }]), testOrigin);
		await register.scoreAssessment(
			s.db,
			s.adviseurOegstgeest.actor,
			score(id, 'oegstgeest', [
				{ criterion: 'efficiency', score: oegstgeest },
				{ criterion: 'kwaliteit', score: 4 }
			]),
			testOrigin
		);
		return id;
	}

	it('gives the scores table per municipality and criterion with average and spread', async () => {
		const collaborationId = await arrangement();
		const id = await scored(collaborationId, 'Evaluatie 2024', 4, 2, 3);
		const detail = await register.getAssessment(s.db, s.collegeLeiden.actor, id);
		expect(detail.municipalities.map((m) => m.id)).toEqual(['leiden', 'leiderdorp', 'oegstgeest', 'zoeterwoude']);
		const efficiency = detail.figures.find((f) => f.criterion === 'efficiency');
		expect(efficiency).toMatchObject({ average: 3, spread: 2 });
		expect(efficiency?.scores).toEqual({
			leiden: { score: 4, motivation: '' },
			leiderdorp: { score: 2, motivation: '' },
			oegstgeest: { score: 3, motivation: '' },
			zoeterwoude: null
		});
		expect(detail.figures.find((f) => f.criterion === 'kwaliteit')).toMatchObject({ average: 4, spread: 0 });
		expect(detail.figures.find((f) => f.criterion === 'participatie')).toMatchObject({ average: null, spread: null });
		expect(detail.figures.map((f) => f.criterion)).toHaveLength(8);
	});

	it('compares the completed assessments over time, oldest first, leaving open ones out', async () => {
		const collaborationId = await arrangement();
		const older = await scored(collaborationId, 'Evaluatie 2022', 2, 2, 2);
		await register.completeAssessment(s.db, s.verkenner.actor, { assessmentId: older, revision: 1 }, testOrigin);
		const newer = await scored(collaborationId, 'Evaluatie 2026', 5, 4, 3);
		await register.completeAssessment(s.db, s.verkenner.actor, { assessmentId: newer, revision: 1 }, testOrigin);
		await scored(collaborationId, 'Nog open', 1, 1, 1);
		const cmp = await register.compareAssessments(s.db, s.meelezer.actor, collaborationId);
		expect(cmp.assessments.map((a) => a.title)).toEqual(['Evaluatie 2022', 'Evaluatie 2026']);
		const efficiency = cmp.assessments.map((a) => a.figures.find((f) => f.criterion === 'efficiency'));
		expect(efficiency.map((f) => f?.average)).toEqual([2, 4]);
		expect(efficiency.map((f) => f?.scores.leiden?.score)).toEqual([2, 5]);
		const summary = await register.latestAssessmentSummary(s.db, s.meelezer.actor, collaborationId);
		expect(summary?.title).toBe('Nog open');
		expect(summary?.averages.find((a) => a.criterion === 'efficiency')?.average).toBe(1);
	});
});

describe('demo data', () => {
	it('plays one completed evaluation of Servicepunt71 through the commands, skipping absent adviseurs', async () => {
		const collaborationId = await arrangement();
		const people: Record<string, NewUser> = {
			verkenner: s.verkenner,
			'adviseur.leiden': s.adviseurLeiden,
			'adviseur.oegstgeest': s.adviseurOegstgeest,
			'adviseur.voorschoten': await newUser(s.db, [['ambtelijkadviseur', 'voorschoten']]),
			'adviseur.zoeterwoude': await newUser(s.db, [['ambtelijkadviseur', 'zoeterwoude']])
		};
		const who = (account: string) => {
			if (!people[account]) throw new Error(`no demo account ${account}`);
			return people[account].actor;
		};
		await seedDemoAssessments(s.db, who, new Map([['Servicepunt71', collaborationId]]));
		const [only] = (await register.listAssessments(s.db, s.meelezer.actor, collaborationId)).assessments;
		expect(only).toMatchObject({ occasion: 'evaluatie', choice: 'samen_doen' });
		expect(only.completedAt).not.toBeNull();
		const detail = await register.getAssessment(s.db, s.meelezer.actor, only.id);
		// Leiderdorp has no adviseur account and Voorschoten does not take part: Leiden, Oegstgeest and Zoeterwoude scored.
		expect([...new Set((await scoresOf(only.id)).map((r) => r.municipalityId))].sort()).toEqual(['leiden', 'oegstgeest', 'zoeterwoude']);
		expect(detail.figures.every((f) => f.average !== null)).toBe(true);
		await seedDemoAssessments(s.db, who, new Map());
		expect((await register.listAssessments(s.db, s.meelezer.actor, collaborationId)).assessments).toHaveLength(1);
	});
});
