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

/** One series of a grouped chart: its name (the legend, the table's column) and its values per group. */
export interface Series {
	key: string;
	label: string;
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
