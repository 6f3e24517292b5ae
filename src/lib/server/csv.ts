/**
 * The two rules every CSV the portal writes keeps, whatever its separator (the open data's `,` for machines,
 * the exports' `;` for Dutch Excel).
 */

/**
 * A text a spreadsheet would run as a formula (starting with =, +, -, @, a tab or CR) gets a leading
 * apostrophe, as OWASP advises for files opened in Excel. Only for text: numbers are never changed.
 */
export function guardFormula(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: a field in quotes when it holds the separator, a quote or a line break; quotes doubled. */
export function quoteCsvField(value: string, separator: ',' | ';'): string {
	const special = separator === ';' ? /[;"\r\n]/ : /[,"\r\n]/;
	return special.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
