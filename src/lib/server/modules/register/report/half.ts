import { z } from 'zod';

/** A half year as the report names it: `2026-H1` (1 January–30 June) or `2026-H2` (1 July–31 December). */
export const halfSchema = z
	.string({ message: 'validation_regdash_half' })
	.trim()
	.regex(/^(20\d\d)-H[12]$/, { message: 'validation_regdash_half' });

export interface HalfYear {
	half: string;
	year: number;
	/** First and last day, ISO dates. */
	from: string;
	to: string;
}

/** The days of a half year. */
export function halfYear(half: string): HalfYear {
	const year = Number(half.slice(0, 4));
	const second = half.endsWith('H2');
	return { half, year, from: `${year}-${second ? '07-01' : '01-01'}`, to: `${year}-${second ? '12-31' : '06-30'}` };
}

/** The half year after this one: what the report looks ahead to. */
export function nextHalf(half: string): string {
	const year = Number(half.slice(0, 4));
	return half.endsWith('H2') ? `${year + 1}-H1` : `${year}-H2`;
}

/** The half year a date falls in. */
export function halfOf(isoDate: string): string {
	return `${isoDate.slice(0, 4)}-H${Number(isoDate.slice(5, 7)) <= 6 ? 1 : 2}`;
}
