import { z } from 'zod';
import { municipalityIds } from '../roles';
import { parseEuroToCents } from '../agenda/money';
import { centsSchema } from './agenda';
import { verdeelsleutelSchema } from '../agenda/constants';
import {
	CRITERION_DESCRIPTION_MAX,
	CRITERION_NAME_MAX,
	MAX_CRITERIA,
	SCENARIO_DESCRIPTION_MAX,
	SCENARIO_TITLE_MAX,
	SCORE_MOTIVATION_MAX,
	criteriaPresetNames,
	scoreVoices
} from '../scenarios/constants';

/** The payloads of the scenario commands. Messages are message keys (`validation_scenario_…`). */

const itemId = z.uuid('validation_scenario_item_unknown');
export const scenarioIdSchema = z.uuid('validation_scenario_unknown');
const criterionId = z.uuid('validation_scenario_criterion_unknown');
const emptyToNull = (v: unknown) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v);
const bool = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

/** Euros as a form sends them ("12.500", "€ 1.250,50") or cents as the API does. */
const cents = z.preprocess((v) => {
	if (typeof v !== 'string') return v;
	if (v.trim() === '') return 0;
	return parseEuroToCents(v) ?? Number.NaN;
}, centsSchema);

const scenarioFields = {
	title: z
		.string('validation_scenario_title_required')
		.trim()
		.min(1, 'validation_scenario_title_required')
		.max(SCENARIO_TITLE_MAX, 'validation_scenario_title_too_long'),
	description: z
		.string('validation_scenario_description_too_long')
		.trim()
		.max(SCENARIO_DESCRIPTION_MAX, 'validation_scenario_description_too_long')
		.default(''),
	oneOffCents: cents.default(0),
	yearlyCents: cents.default(0),
	/** How the option's costs are split; empty: as the item's own costs. */
	verdeelsleutel: z.preprocess(emptyToNull, verdeelsleutelSchema.nullable()).default(null),
	collaborationId: z.preprocess(emptyToNull, z.uuid('validation_scenario_collaboration_unknown').nullable()).default(null)
};

/** A new option may bring its first description as plain text; from then on the description is co-edited. */
export const addScenarioSchema = z.object({ itemId, ...scenarioFields });
const { description: _coEdited, ...fieldsBesideDescription } = scenarioFields;
export const updateScenarioSchema = z.object({ scenarioId: scenarioIdSchema, ...fieldsBesideDescription });

/** Removing a scenario that was scored asks first: `confirm` says the person saw how many scores it holds. */
export const removeScenarioSchema = z.object({ scenarioId: scenarioIdSchema, confirm: bool.default(false) });

/** The scenario the item proposes (what the colleges sign), or none. */
export const proposeScenarioSchema = z.object({ itemId, scenarioId: z.preprocess(emptyToNull, scenarioIdSchema.nullable()) });

const scaleEnd = z.coerce
	.number('validation_scenario_scale')
	.int('validation_scenario_scale')
	.min(0, 'validation_scenario_scale')
	.max(10, 'validation_scenario_scale');

export const criterionSchema = z
	.object({
		/** An existing criterion keeps its id (and its scores); a new one has none. */
		id: z.preprocess(emptyToNull, criterionId.nullable()).default(null),
		name: z
			.string('validation_scenario_criterion_name_required')
			.trim()
			.min(1, 'validation_scenario_criterion_name_required')
			.max(CRITERION_NAME_MAX, 'validation_scenario_criterion_name_too_long'),
		description: z.string().trim().max(CRITERION_DESCRIPTION_MAX, 'validation_scenario_criterion_description_too_long').default(''),
		scaleMin: scaleEnd.default(1),
		scaleMax: scaleEnd.default(5),
		higherIsBetter: bool.default(true)
	})
	.refine((c) => c.scaleMin < c.scaleMax, { path: ['scaleMax'], message: 'validation_scenario_scale_order' });

/**
 * The criteria of the comparison, as a whole list (their order is the list's), or a preset instead. A
 * criterion left out that holds scores is only removed with `confirm`.
 */
export const setCriteriaSchema = z
	.object({
		itemId,
		preset: z.preprocess(emptyToNull, z.enum(criteriaPresetNames, { message: 'validation_scenario_preset_unknown' }).nullable()).default(null),
		criteria: z.array(criterionSchema, 'validation_scenario_criteria').max(MAX_CRITERIA, 'validation_scenario_too_many_criteria').default([]),
		confirm: bool.default(false)
	})
	.refine((v) => v.preset !== null || v.criteria.length > 0, { path: ['criteria'], message: 'validation_scenario_criteria_required' });

export const scoreVoiceSchema = z.enum(scoreVoices, { message: 'validation_scenario_voice_unknown' });

/**
 * One municipality's scores of one scenario, in one voice: every criterion at once or any subset. A score
 * left empty is not given (an earlier one stays); the scale is checked against each criterion's own.
 */
export const scoreScenarioSchema = z.object({
	scenarioId: scenarioIdSchema,
	municipalityId: z.enum(municipalityIds, { message: 'validation_scenario_municipality_unknown' }),
	voice: scoreVoiceSchema.default('klankbordgroep'),
	sharedPublicly: bool.default(false),
	scores: z
		.array(
			z.object({
				criterionId,
				score: z.coerce.number('validation_scenario_score').int('validation_scenario_score'),
				motivation: z.string().trim().max(SCORE_MOTIVATION_MAX, 'validation_scenario_motivation_too_long').default('')
			}),
			'validation_scenario_scores'
		)
		.min(1, 'validation_scenario_scores_required')
		.max(MAX_CRITERIA, 'validation_scenario_scores')
});

// ---------------------------------------------------------------------------------------------
// Forms: flat fields turned into the shapes above.

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const listOf = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** The score form: per criterion a radio group `score.<criterionId>` and a textarea `motivation.<criterionId>`; an unchosen one is not sent. */
export function scoresFromForm(values: Record<string, unknown>) {
	const scores = Object.keys(values)
		.filter((key) => key.startsWith('score.') && str(values[key]) !== '')
		.map((key) => {
			const criterionId = key.slice('score.'.length);
			return { criterionId, score: values[key], motivation: values[`motivation.${criterionId}`] ?? '' };
		});
	return { scenarioId: values.scenarioId, municipalityId: values.municipalityId, voice: values.voice, sharedPublicly: values.sharedPublicly, scores };
}

/** The criteria form: a preset button, or parallel lists (`criterion_id[]`, `criterion_name[]`, …); rows without a name are dropped. */
export function criteriaFromForm(values: Record<string, unknown>) {
	if (str(values.preset) !== '') return { itemId: values.itemId, preset: values.preset, confirm: values.confirm };
	const names = listOf(values.criterion_name).map(str);
	const at = (name: string, i: number) => listOf(values[name])[i];
	const criteria = names
		.map((name, i) => ({
			id: at('criterion_id', i),
			name,
			description: at('criterion_description', i) ?? '',
			scaleMin: at('criterion_min', i),
			scaleMax: at('criterion_max', i),
			higherIsBetter: at('criterion_direction', i) !== 'lager'
		}))
		.filter((c) => c.name.trim() !== '');
	return { itemId: values.itemId, criteria, confirm: values.confirm };
}
