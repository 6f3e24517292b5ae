/** What the arrangement page derives from its rows, kept out of the markup so it can be read and tested. */

interface Contribution {
	municipalityId: string;
	year: number;
	cents: number;
	key: string;
	shareBp: number | null;
}

/** The contributions by year, newest first, each with its rows and total: the latest year is shown in full, the rest as a trend. */
export function contributionYears<T extends Contribution>(rows: T[]): { year: number; rows: T[]; totalCents: number }[] {
	const years = new Map<number, T[]>();
	for (const r of rows) years.set(r.year, [...(years.get(r.year) ?? []), r]);
	return [...years.entries()].sort(([a], [b]) => b - a).map(([year, rs]) => ({ year, rows: rs, totalCents: rs.reduce((sum, r) => sum + r.cents, 0) }));
}

/** A moment whose date has passed (today is still on time). */
export const isPast = (on: string, today: string) => on < today;
