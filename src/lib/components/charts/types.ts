/**
 * The shapes the shared charts take. Every chart draws its picture for sighted readers (hidden from screen
 * readers) and always renders the same figures as a table, which is what a screen reader, a keyboard user
 * and a reader without colour vision rely on; the picture adds direct value labels and patterns so it can be
 * read without colour too.
 */

/** One bar or point: its label and its value. */
export interface Datum {
	label: string;
	value: number;
}

/** The fills a stacked chart tells its series apart by: patterns and shades, so they read without colour too. */
export type Look = 'light' | 'hatch' | 'dots' | 'cross' | 'stripes' | 'solid' | 'dark';

/** One series of a grouped chart: its name (the legend, the table's column) and its values per group. */
export interface Series {
	key: string;
	label: string;
	/** A stacked chart's fill for this series (what it means: done is solid, waiting light); by default by position. */
	look?: Look;
}

/** A group of a grouped chart: its label and a value per series key (missing: no value). */
export interface Group {
	label: string;
	values: Record<string, number | null>;
}

/** How a value is written in labels, axis and table: an amount in euro, a score, a count. */
export type Format = (value: number) => string;

export const plain: Format = (value) => String(value);

/**
 * An amount in euro in few characters (`€ 1,3 mln.`), for an axis's ticks: full amounts there overlap; the
 * labels on the bars and the table keep them exact.
 */
export const compactEuro =
	(locale: string): Format =>
	(value) =>
		new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1 }).format(
			value
		);

/** How a heat map cell is shaded, from support to objection; each tone goes with its own symbol. */
export type HeatTone = 'positive' | 'partial' | 'neutral' | 'open' | 'negative' | 'none';

/** One cell of a heat map: its shade, the symbol drawn in it, and what both mean in words. */
export interface HeatCell {
	tone: HeatTone;
	symbol: string;
	label: string;
}

/** One row of a heat map: its label (a link when `href`), a short note under it, and a cell per column key. */
export interface HeatRow {
	key: string;
	label: string;
	href?: string;
	note?: string;
	cells: Record<string, HeatCell>;
}

export interface HeatGroup {
	label: string;
	rows: HeatRow[];
}

/** A legend entry: a tone and symbol with their words. */
export type HeatKey = HeatCell;
