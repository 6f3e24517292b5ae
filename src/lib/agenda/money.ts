/** Amounts are whole cents everywhere; these turn them into Dutch euro text and back. */

const formatters = new Map<string, Intl.NumberFormat>();

export function formatCents(cents: number, locale: string = 'nl'): string {
	const tag = locale === 'en' ? 'en-GB' : 'nl-NL';
	let f = formatters.get(tag);
	if (!f) {
		f = new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' });
		formatters.set(tag, f);
	}
	return f.format(cents / 100);
}

/** Cents as a plain Dutch amount for an input field: 123456 → "1234,56", 400000 → "4000". */
export function centsToInput(cents: number): string {
	const euros = Math.trunc(cents / 100);
	const rest = cents % 100;
	return rest === 0 ? String(euros) : `${euros},${String(rest).padStart(2, '0')}`;
}

/**
 * Reads an amount in euros as typed by a Dutch user: "400000", "400.000", "€ 400.000,50", "1234,5",
 * "1234.50". A comma is the decimal sign; dots are thousands separators unless the only dot is
 * followed by one or two digits. Returns whole cents, or null when it is not an amount.
 */
export function parseEuroToCents(input: string): number | null {
	let s = input.replace(/€|eur/gi, '').replace(/[\s\u00a0]/g, '');
	if (s === '') return null;
	if (s.includes(',')) {
		if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$/.test(s)) return null;
		s = s.replace(/\./g, '').replace(',', '.');
	} else if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
		s = s.replace(/\./g, '');
	} else if (!/^\d+(\.\d{1,2})?$/.test(s)) {
		return null;
	}
	const [whole, frac = ''] = s.split('.');
	const cents = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
	return Number.isSafeInteger(cents) ? cents : null;
}

/** A percentage as typed ("25", "33,33", "12.5") → basis points (2500, 3333, 1250), or null. */
export function parsePercentToBp(input: string): number | null {
	const s = input.replace('%', '').replace(/\s/g, '').replace(',', '.');
	if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return null;
	const bp = Math.round(Number(s) * 100);
	return bp <= 10_000 ? bp : null;
}

/** Basis points → "33,33" (for inputs); with `fixed`, always two decimals ("12,90", for tables). */
export function bpToPercent(bp: number, locale: string = 'nl', fixed = false): string {
	return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
		maximumFractionDigits: 2,
		minimumFractionDigits: fixed ? 2 : 0,
		useGrouping: false
	}).format(bp / 100);
}
