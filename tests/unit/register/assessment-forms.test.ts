import { describe, expect, it } from 'vitest';
import { answersFromForm, scoreAssessmentSchema, scoresFromForm } from '../../../src/lib/validation/register-assessments';
import { criterionFigures, formatAverage } from '../../../src/lib/register/assessment-figures';
import { questionCodes, weighingCriteria } from '../../../src/lib/register/assessment';

describe('the assessment forms as posted', () => {
	it('sends only the criteria with a chosen score, each with its motivation', () => {
		const input = scoresFromForm({
			assessmentId: 'a',
			municipalityId: 'leiden',
			'score.efficiency': '4',
			'motivation.efficiency': 'Schaal',
			'score.kwaliteit': '',
			'motivation.kwaliteit': 'zonder score telt dit niet'
		});
		expect(input.scores).toEqual([{ criterion: 'efficiency', score: 4, motivation: 'Schaal' }]);
	});

	it('turns a score that is no number into the scale message', () => {
		const parsed = scoreAssessmentSchema.safeParse(scoresFromForm({ assessmentId: crypto.randomUUID(), municipalityId: 'leiden', 'score.efficiency': 'vier' }));
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['scores.0.score', 'validation_assessment_score_scale']]);
	});

	it('reads the answers from the textareas named answer.<code>, and nothing else', () => {
		expect(answersFromForm({ assessmentId: 'a', revision: '3', 'answer.strategisch.wat': 'ICT', other: 'x' })).toEqual({
			assessmentId: 'a',
			revision: 3,
			answers: { 'strategisch.wat': 'ICT' }
		});
	});
});

describe('the framework and its figures', () => {
	it('has the four domains’ 24 questions and the eight criteria', () => {
		expect(questionCodes).toHaveLength(24);
		expect(questionCodes.filter((c) => c.startsWith('juridisch.'))).toEqual(['juridisch.rechtsvorm', 'juridisch.motivering']);
		expect(weighingCriteria).toHaveLength(8);
	});

	it('averages and spreads the scores given, leaving out who did not score', () => {
		const cells = [
			{ municipalityId: 'leiden', criterion: 'efficiency', score: 5, motivation: '' },
			{ municipalityId: 'oegstgeest', criterion: 'efficiency', score: 2, motivation: '' }
		];
		const [efficiency] = criterionFigures(cells, ['leiden', 'leiderdorp', 'oegstgeest']);
		expect(efficiency).toMatchObject({ average: 3.5, spread: 3 });
		expect(efficiency.scores.leiderdorp).toBeNull();
		expect(formatAverage(efficiency.average, 'nl')).toBe('3,5');
		expect(formatAverage(null, 'nl')).toBe('–');
	});
});
