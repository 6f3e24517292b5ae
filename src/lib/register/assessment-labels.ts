import { m } from '../paraglide/messages.js';
import type { assessmentChoices, assessmentOccasions, scorePoints, WeighingCriterion } from './assessment';

/**
 * An assessment's codes as words (the `assessments` messages), in the reader's language. Explicit maps rather
 * than a lookup by the message's name, so a page's chunk holds these messages only, not every message of both
 * languages. Typed by the code lists in assessment.ts: a new code without a word does not compile. An unknown
 * code reads as itself. The framework's domains and questions (long texts, one page shows them) are in
 * assessment-question-labels.ts, so the pages that name an occasion or a choice do not carry them.
 */
export type Label = () => string;

const occasions: Record<(typeof assessmentOccasions)[number], Label> = {
	voorstel_nieuw: m.assessment_occasion_voorstel_nieuw,
	voorstel_wijziging: m.assessment_occasion_voorstel_wijziging,
	evaluatie: m.assessment_occasion_evaluatie
};

const choices: Record<(typeof assessmentChoices)[number], Label> = {
	zelf_doen: m.assessment_choice_zelf_doen,
	samen_doen: m.assessment_choice_samen_doen,
	uitbesteden: m.assessment_choice_uitbesteden
};

const criteria: Record<WeighingCriterion, Label> = {
	efficiency: m.assessment_criterion_efficiency,
	effectiviteit: m.assessment_criterion_effectiviteit,
	democratische_legitimiteit: m.assessment_criterion_democratische_legitimiteit,
	politieke_grip: m.assessment_criterion_politieke_grip,
	transparantie: m.assessment_criterion_transparantie,
	eenduidige_orientatie: m.assessment_criterion_eenduidige_orientatie,
	participatie: m.assessment_criterion_participatie,
	kwaliteit: m.assessment_criterion_kwaliteit
};

const points: Record<(typeof scorePoints)[number], Label> = {
	1: m.assessment_score_1,
	2: m.assessment_score_2,
	3: m.assessment_score_3,
	4: m.assessment_score_4,
	5: m.assessment_score_5
};

/** A code's word; an unknown code reads as itself. */
export const label =
	(words: Record<string | number, Label>) =>
	(code: string | number): string =>
		Object.hasOwn(words, code) ? words[code]() : String(code);

export const occasionLabel = label(occasions);
export const choiceLabel = label(choices);
export const criterionLabel = label(criteria);
export const scorePointLabel = label(points);
