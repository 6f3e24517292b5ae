import { z } from 'zod';
import { municipalityIds } from '../roles';
import {
	ANSWER_MAX,
	ASSESSMENT_TITLE_MAX,
	CHOICE_REASONS_MAX,
	MOTIVATION_MAX,
	SCORE_MAX,
	SCORE_MIN,
	assessmentChoices,
	assessmentOccasions,
	questionCodes,
	weighingCriteria
} from '../register/assessment';
import { collaborationIdSchema } from './register';

/** The assessments of the register (toetsingskader, afwegingskader, scores): the payloads of every command. Messages are message keys. */

export const assessmentIdSchema = z.uuid('validation_assessment_unknown');
const revision = z.number('validation_assessment_revision').int('validation_assessment_revision').min(1, 'validation_assessment_revision');
const known = new Set(questionCodes);

export const createAssessmentSchema = z.object({
	collaborationId: collaborationIdSchema,
	occasion: z.enum(assessmentOccasions, { message: 'validation_assessment_occasion' }),
	title: z
		.string('validation_assessment_title_required')
		.trim()
		.min(1, 'validation_assessment_title_required')
		.max(ASSESSMENT_TITLE_MAX, 'validation_assessment_title_too_long')
});

/**
 * Answers to any subset of the toetsingskader's questions, keyed by code. A question outside the framework is
 * refused (not ignored: a form that sends one is out of date); an empty answer clears the question.
 */
export const saveAnswersSchema = z.object({
	assessmentId: assessmentIdSchema,
	revision,
	answers: z
		.record(z.string(), z.string('validation_assessment_answer').max(ANSWER_MAX, 'validation_assessment_answer_too_long'), 'validation_assessment_answer')
		.superRefine((answers, ctx) => {
			for (const code of Object.keys(answers))
				if (!known.has(code)) ctx.addIssue({ code: 'custom', path: [code], message: 'validation_assessment_question_unknown' });
		})
});

/** The afwegingskader: zelf doen, samen doen of uitbesteden, and why. */
export const setChoiceSchema = z.object({
	assessmentId: assessmentIdSchema,
	revision,
	choice: z.enum(assessmentChoices, { message: 'validation_assessment_choice' }),
	reasons: z.string('validation_assessment_reasons_too_long').trim().max(CHOICE_REASONS_MAX, 'validation_assessment_reasons_too_long').default('')
});

export const completeAssessmentSchema = z.object({ assessmentId: assessmentIdSchema, revision });

const scoreSchema = z.object(
	{
		criterion: z.enum(weighingCriteria, { message: 'validation_assessment_criterion' }),
		score: z
			.number('validation_assessment_score_scale')
			.int('validation_assessment_score_scale')
			.min(SCORE_MIN, 'validation_assessment_score_scale')
			.max(SCORE_MAX, 'validation_assessment_score_scale'),
		motivation: z.string('validation_assessment_motivation_too_long').trim().max(MOTIVATION_MAX, 'validation_assessment_motivation_too_long').default('')
	},
	'validation_assessment_score_scale'
);

/** One municipality's scores on some of the eight criteria, each criterion at most once. */
export const scoreAssessmentSchema = z.object({
	assessmentId: assessmentIdSchema,
	municipalityId: z.enum(municipalityIds, { message: 'validation_assessment_municipality' }),
	scores: z
		.array(scoreSchema, 'validation_assessment_scores_required')
		.min(1, 'validation_assessment_scores_required')
		.max(weighingCriteria.length, 'validation_assessment_criterion_twice')
		.superRefine((list, ctx) => {
			if (new Set(list.map((s) => s.criterion)).size !== list.length) ctx.addIssue({ code: 'custom', message: 'validation_assessment_criterion_twice' });
		})
});

export const linkAssessmentSchema = z.object({ assessmentId: assessmentIdSchema, itemId: z.uuid('validation_assessment_item_unknown') });
export const unlinkAssessmentSchema = z.object({ assessmentId: assessmentIdSchema });

/**
 * The scoring form as it is posted: per criterion a radio group `score.<criterion>` and a motivation
 * `motivation.<criterion>`. A criterion without a chosen score is left out (not scored this time).
 */
export function scoresFromForm(values: Record<string, unknown>) {
	return {
		assessmentId: values.assessmentId,
		municipalityId: values.municipalityId,
		scores: weighingCriteria.flatMap((criterion) => {
			const raw = values[`score.${criterion}`];
			if (raw === undefined || raw === '') return [];
			return [{ criterion, score: Number(raw), motivation: values[`motivation.${criterion}`] ?? '' }];
		})
	};
}

/** The answers form as it is posted: one textarea `answer.<code>` per question. */
export function answersFromForm(values: Record<string, unknown>) {
	const answers: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(values)) if (key.startsWith('answer.')) answers[key.slice('answer.'.length)] = value;
	return { assessmentId: values.assessmentId, revision: Number(values.revision), answers };
}
