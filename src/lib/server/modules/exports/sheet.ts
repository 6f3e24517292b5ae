/**
 * One table to export, with typed columns: the XLSX and CSV writers both read this shape, so the two files
 * always hold the same rows and the same values.
 */

/** How a column's values are stored and shown. */
export type ColumnKind =
	/** text, guarded against formula injection */
	| 'text'
	/** a whole number */
	| 'integer'
	/** an amount in euro (a number, never text), shown with a currency format */
	| 'euro'
	/** a share as a fraction (0.6 = 60 %), shown as a percentage */
	| 'percent'
	/** a calendar date (`2026-03-31`), stored as a real date */
	| 'date'
	/** an absolute URL, a hyperlink in XLSX */
	| 'link';

export interface Column {
	header: string;
	kind: ColumnKind;
	/** Width in characters (XLSX). */
	width: number;
}

/** A cell's value: text, a number (euro, integer, fraction), an ISO date for `date`, or empty. */
export type Cell = string | number | null;

export interface Sheet {
	/** Name of the worksheet (at most 31 characters, none of `[]:*?/\`). */
	name: string;
	/** Workbook title. */
	title: string;
	/** Workbook description: what was exported, with which filter. */
	description: string;
	language: 'nl' | 'en';
	columns: Column[];
	rows: Cell[][];
}

/**
 * Formula injection: a spreadsheet treats text that starts with `=`, `+`, `-` or `@` (and tab or CR, which
 * some programs strip first) as a formula when the cell is typed or imported. A leading apostrophe keeps it
 * text; it is applied to every text cell, in CSV and XLSX alike, so both files say the same.
 */
export { guardFormula as guardText } from '../../csv';
