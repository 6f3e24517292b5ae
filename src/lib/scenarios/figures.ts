import type { ScoreVoice } from './constants';

/** A criterion as the figures need it. */
export interface CriterionScale {
	id: string;
	scaleMin: number;
	scaleMax: number;
	higherIsBetter: boolean;
}

/** One stored score, as the figures need it. */
export interface ScenarioScoreCell {
	scenarioId: string;
	criterionId: string;
	municipalityId: string;
	voice: ScoreVoice;
	score: number;
}

/** One cell of the comparison: a scenario on a criterion, over every municipality's score in one voice. */
export interface CellFigures {
	scenarioId: string;
	criterionId: string;
	/** The mean of the scores given (null: nobody scored it). */
	average: number | null;
	/** Highest minus lowest score: how far the municipalities are apart (0: they agree; null: fewer than two). */
	spread: number | null;
	count: number;
}

/** How well a scenario serves one municipality, 0–100, over the criteria it scored (direction taken into account). */
export interface Appreciation {
	municipalityId: string;
	voice: ScoreVoice;
	scenarioId: string;
	/** 0 (worst end of every scale) to 100 (best end), rounded to whole numbers. */
	value: number;
	criteria: number;
}

/** A score placed on 0–1 with 1 the better end, whatever the criterion's scale and direction. */
export function normalised(score: number, c: CriterionScale): number {
	const share = (score - c.scaleMin) / (c.scaleMax - c.scaleMin);
	return c.higherIsBetter ? share : 1 - share;
}

/** Every scenario × criterion cell, for one voice (the klankbordgroep's by default: the council's view). */
export function cellFigures(
	cells: readonly ScenarioScoreCell[],
	scenarioIds: readonly string[],
	criteria: readonly CriterionScale[],
	voice: ScoreVoice = 'klankbordgroep'
): CellFigures[] {
	const mine = cells.filter((c) => c.voice === voice);
	return scenarioIds.flatMap((scenarioId) =>
		criteria.map((criterion) => {
			const values = mine.filter((c) => c.scenarioId === scenarioId && c.criterionId === criterion.id).map((c) => c.score);
			return {
				scenarioId,
				criterionId: criterion.id,
				average: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
				spread: values.length > 1 ? Math.max(...values) - Math.min(...values) : null,
				count: values.length
			};
		})
	);
}

/** Per municipality, voice and scenario: the mean of its normalised scores, as 0–100. */
export function appreciations(cells: readonly ScenarioScoreCell[], criteria: readonly CriterionScale[]): Appreciation[] {
	const byId = new Map(criteria.map((c) => [c.id, c]));
	const groups = new Map<string, { cell: ScenarioScoreCell; values: number[] }>();
	for (const cell of cells) {
		const criterion = byId.get(cell.criterionId);
		if (!criterion) continue;
		const key = `${cell.municipalityId}|${cell.voice}|${cell.scenarioId}`;
		const group = groups.get(key) ?? { cell, values: [] };
		group.values.push(normalised(cell.score, criterion));
		groups.set(key, group);
	}
	return [...groups.values()].map(({ cell, values }) => ({
		municipalityId: cell.municipalityId,
		voice: cell.voice,
		scenarioId: cell.scenarioId,
		value: Math.round((100 * values.reduce((a, b) => a + b, 0)) / values.length),
		criteria: values.length
	}));
}

/**
 * The scenario each municipality prefers in one voice: the one it appreciates most. None when it scored
 * nothing, or when two or more share the highest appreciation (a tie is not a preference).
 */
export function preferredScenarios(list: readonly Appreciation[], voice: ScoreVoice): Map<string, string | null> {
	const best = new Map<string, { value: number; scenarioId: string | null }>();
	for (const a of list.filter((x) => x.voice === voice)) {
		const now = best.get(a.municipalityId);
		if (!now || a.value > now.value) best.set(a.municipalityId, { value: a.value, scenarioId: a.scenarioId });
		else if (a.value === now.value) best.set(a.municipalityId, { value: a.value, scenarioId: null });
	}
	return new Map([...best].map(([m, b]) => [m, b.scenarioId]));
}

/** The cells where the municipalities differ most (largest spread first), and where they agree (spread 0). */
export function agreement(figures: readonly CellFigures[]): { differ: CellFigures[]; agree: CellFigures[] } {
	const compared = figures.filter((f) => f.spread !== null);
	const max = Math.max(0, ...compared.map((f) => f.spread as number));
	return {
		differ: max > 0 ? compared.filter((f) => f.spread === max) : [],
		agree: compared.filter((f) => f.spread === 0)
	};
}
