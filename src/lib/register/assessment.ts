/**
 * The assessment of a joint arrangement (*toetsing*), as data: the toetsingskader's four domains with their
 * questions, the afwegingskader's choice, and the eight criteria the municipalities weigh an arrangement on.
 * Codes only; the Dutch wording is in the `assessments` messages (`assessment_q_<domain>_<question>`, …), which
 * assessment-labels.ts maps the codes to.
 */

/** The toetsingskader: per domain its questions, in the order the framework asks them. */
export const assessmentFramework = {
	strategisch: ['wat', 'waarom', 'hoe', 'hoe_lang', 'grip', 'kosten_baten', 'draagvlak'],
	operationeel: ['kosten', 'prestaties', 'risicos', 'continuiteit', 'impact', 'dienstverlening', 'stuurbaarheid'],
	bedrijfseconomisch: ['businessplan', 'risicos', 'personeel', 'overhead', 'uittreedkosten', 'btw', 'aanbestedingsregels', 'aansprakelijkheid'],
	juridisch: ['rechtsvorm', 'motivering']
} as const;

export type AssessmentDomain = keyof typeof assessmentFramework;
export const assessmentDomains = Object.keys(assessmentFramework) as AssessmentDomain[];

/** Every question's code, `domain.question` (`strategisch.wat`): the keys of an assessment's answers. */
export const questionCodes: readonly string[] = assessmentDomains.flatMap((d) => assessmentFramework[d].map((q) => `${d}.${q}`));

/** Why an arrangement is assessed: a proposal for a new one, a proposal to change one, or its periodic evaluation. */
export const assessmentOccasions = ['voorstel_nieuw', 'voorstel_wijziging', 'evaluatie'] as const;

/** The afwegingskader: do it yourself, do it together, or contract it out. */
export const assessmentChoices = ['zelf_doen', 'samen_doen', 'uitbesteden'] as const;

/** The eight criteria a collaboration is weighed on (Routekaart), in that order. */
export const weighingCriteria = [
	'efficiency',
	'effectiviteit',
	'democratische_legitimiteit',
	'politieke_grip',
	'transparantie',
	'eenduidige_orientatie',
	'participatie',
	'kwaliteit'
] as const;
export type WeighingCriterion = (typeof weighingCriteria)[number];

/** The scale of a score: 1 (very poor) to 5 (very good). */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
export const scorePoints = [1, 2, 3, 4, 5] as const;

export const ASSESSMENT_TITLE_MAX = 200;
export const ANSWER_MAX = 10_000;
export const CHOICE_REASONS_MAX = 10_000;
export const MOTIVATION_MAX = 2_000;
