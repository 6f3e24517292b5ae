import { UPCOMING_MONTHS } from './constants';

/** The day `months` after an ISO date (the last day of a shorter month when the day does not exist there). */
export function addMonths(isoDate: string, months: number): string {
	const [y, m, d] = isoDate.split('-').map(Number);
	const target = new Date(Date.UTC(y, m - 1 + months, 1));
	const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	target.setUTCDate(Math.min(d, last));
	return target.toISOString().slice(0, 10);
}

/** The last day a decision moment counts as coming up: six months from today, today included. */
export function upcomingUntil(today: string): string {
	return addMonths(today, UPCOMING_MONTHS);
}
