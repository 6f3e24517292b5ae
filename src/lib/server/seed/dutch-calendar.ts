/**
 * Working days in the Netherlands, for demo dates: a demo meeting, decision or deadline never falls on a
 * weekend or a public holiday. Dates are ISO calendar dates (`2027-04-27`), computed in UTC so a
 * date never shifts with the machine's time zone.
 */

const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = (year: number, month: number, date: number) => new Date(Date.UTC(year, month - 1, date));

function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return iso(d);
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const date = ((h + l - 7 * m + 114) % 31) + 1;
	return iso(day(year, month, date));
}

/**
 * The public holidays of a year on which government offices are closed: New Year, Good Friday, Easter,
 * King's Day (27 April, the 26th when the 27th is a Sunday), Liberation Day (5 May, observed every year by
 * the municipalities), Ascension, Whitsun and Christmas.
 */
export function dutchHolidays(year: number): Map<string, string> {
	const easter = easterSunday(year);
	const kingsDay = day(year, 4, 27).getUTCDay() === 0 ? day(year, 4, 26) : day(year, 4, 27);
	return new Map([
		[iso(day(year, 1, 1)), 'Nieuwjaarsdag'],
		[addDays(easter, -2), 'Goede Vrijdag'],
		[easter, 'Eerste Paasdag'],
		[addDays(easter, 1), 'Tweede Paasdag'],
		[iso(kingsDay), 'Koningsdag'],
		[iso(day(year, 5, 5)), 'Bevrijdingsdag'],
		[addDays(easter, 39), 'Hemelvaartsdag'],
		[addDays(easter, 49), 'Eerste Pinksterdag'],
		[addDays(easter, 50), 'Tweede Pinksterdag'],
		[iso(day(year, 12, 25)), 'Eerste Kerstdag'],
		[iso(day(year, 12, 26)), 'Tweede Kerstdag']
	]);
}

export function isWorkingDay(date: string): boolean {
	const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
	return weekday !== 0 && weekday !== 6 && !dutchHolidays(Number(date.slice(0, 4))).has(date);
}

/**
 * The working day `days` calendar days from `today` (negative: in the past). When that day is a weekend or
 * holiday, the nearest working day further from today is taken, so a past date stays in the past and a
 * future one in the future.
 */
export function workingDayFrom(today: string, days: number): string {
	const step = days < 0 ? -1 : 1;
	let date = addDays(today, days);
	while (!isWorkingDay(date)) date = addDays(date, step);
	return date;
}
