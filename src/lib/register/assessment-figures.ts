import { weighingCriteria, type WeighingCriterion } from './assessment';

/** One stored score, as the figures need it. */
export interface ScoreCell {
	municipalityId: string;
	criterion: string;
	score: number;
	motivation: string;
}

/** One criterion's row of the scores table: each municipality's score, their average and spread. */
export interface CriterionFigures {
	criterion: WeighingCriterion;
	/** Per municipality id its score, or null when it did not score this criterion. */
	scores: Record<string, { score: number; motivation: string } | null>;
	/** The mean of the scores given (null: nobody scored it). */
	average: number | null;
	/** Highest minus lowest score: how far the municipalities are apart (0: they agree; null: nobody scored). */
	spread: number | null;
}

/** The scores table: every criterion (in the framework's order) × the given municipalities. */
export function criterionFigures(cells: readonly ScoreCell[], municipalityIds: readonly string[]): CriterionFigures[] {
	return weighingCriteria.map((criterion) => {
		const mine = cells.filter((c) => c.criterion === criterion);
		const scores = Object.fromEntries(
			municipalityIds.map((id) => {
				const cell = mine.find((c) => c.municipalityId === id);
				return [id, cell ? { score: cell.score, motivation: cell.motivation } : null];
			})
		);
		const values = mine.map((c) => c.score);
		return {
			criterion,
			scores,
			average: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
			spread: values.length ? Math.max(...values) - Math.min(...values) : null
		};
	});
}

/** An average as the tables show it: one decimal, in the reader's locale; a dash for none. */
export function formatAverage(value: number | null, locale: string): string {
	return value === null ? '–' : value.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
