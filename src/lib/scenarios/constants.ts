/**
 * Scenarios on an agenda item: options put side by side, weighed on criteria by each municipality. Shared by
 * the server (validation, commands) and the pages (forms, the comparison).
 */

export const SCENARIO_TITLE_MAX = 200;
export const SCENARIO_DESCRIPTION_MAX = 20_000;
export const CRITERION_NAME_MAX = 120;
export const CRITERION_DESCRIPTION_MAX = 500;
export const SCORE_MOTIVATION_MAX = 1_000;
/** More options than this is a list, not a choice; more criteria than this no one scores. */
export const MAX_SCENARIOS = 8;
export const MAX_CRITERIA = 12;

/** Who speaks in a score: the klankbordgroep member for the council's view, or the college for its own. */
export const scoreVoices = ['klankbordgroep', 'college'] as const;
export type ScoreVoice = (typeof scoreVoices)[number];

export interface CriterionDraft {
	name: string;
	description: string;
	scaleMin: number;
	scaleMax: number;
	higherIsBetter: boolean;
}

const fit = (name: string, description: string): CriterionDraft => ({ name, description, scaleMin: 1, scaleMax: 5, higherIsBetter: true });

/**
 * The ready-made sets of criteria. Their names are stored as the item's data (in Dutch, the language of the
 * decision documents), so a comparison reads the same for everyone and stays as it was when it was scored.
 * - `assen`: the three axes along which the social-domain study placed its four scenarios;
 * - `toetsingskader`: the eight weighing criteria of the region's toetsingskader for joint arrangements.
 * Scored 1–5: how well the scenario serves the municipality on that axis or criterion.
 */
export const criteriaPresets = {
	assen: [
		fit('Mate van integraliteit', 'Alle taken van het domein in samenhang, voor de inwoner één toegang.'),
		fit('Mate van bestuurlijke integratie', 'Hoeveel sturing en zeggenschap gezamenlijk wordt belegd.'),
		fit('Mate van beleidsharmonisatie', 'Hoeveel beleid en uitvoering in de hele regio gelijk worden.')
	],
	toetsingskader: [
		fit('Efficiency', 'Dezelfde resultaten tegen lagere kosten.'),
		fit('Effectiviteit', 'De beoogde maatschappelijke resultaten worden bereikt.'),
		fit('Democratische legitimiteit', 'De raad kan kaders stellen en controleren.'),
		fit('Politieke grip', 'Het college houdt zicht en invloed.'),
		fit('Transparantie', 'Besluiten en geldstromen zijn navolgbaar.'),
		fit('Eenduidige oriëntatie', 'Eén richting voor alle deelnemers.'),
		fit('Participatie', 'Inwoners en partners worden betrokken.'),
		fit('Kwaliteit', 'Kwaliteit en continuïteit van de dienstverlening.')
	]
} satisfies Record<string, CriterionDraft[]>;
export type CriteriaPreset = keyof typeof criteriaPresets;
export const criteriaPresetNames = Object.keys(criteriaPresets) as CriteriaPreset[];
