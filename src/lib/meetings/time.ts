/** Sessions are planned in Dutch local time (Europe/Amsterdam); stored as UTC instants. */
export const MEETING_TIME_ZONE = 'Europe/Amsterdam';

const parts = new Intl.DateTimeFormat('en-GB', {
	timeZone: MEETING_TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

/** The wall-clock time in Amsterdam at an instant, as `{ date: 'YYYY-MM-DD', time: 'HH:MM' }`. */
export function amsterdamParts(at: Date): { date: string; time: string } {
	const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
	return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** Offset of Amsterdam from UTC at an instant, in milliseconds. */
function offsetAt(ms: number): number {
	const p = Object.fromEntries(parts.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
	return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/** The instant of a wall-clock date and time in Amsterdam (`2026-03-10`, `19:30`). */
export function amsterdamToUtc(date: string, time: string): Date {
	const [y, mo, d] = date.split('-').map(Number);
	const [h, mi] = time.split(':').map(Number);
	const wall = Date.UTC(y, mo - 1, d, h, mi);
	// Twice: the offset at the first guess may differ from the one at the answer around a DST change.
	let utc = wall - offsetAt(wall);
	utc = wall - offsetAt(utc);
	return new Date(utc);
}

const intl = (locale: string) => (locale === 'en' ? 'en-GB' : 'nl-NL');

/** "dinsdag 10 maart 2026, 19:30–21:30" in Amsterdam time. */
export function formatWhen(startsAt: Date | string, endsAt: Date | string, locale: string): string {
	const day = new Intl.DateTimeFormat(intl(locale), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: MEETING_TIME_ZONE });
	const time = new Intl.DateTimeFormat(intl(locale), { hour: '2-digit', minute: '2-digit', timeZone: MEETING_TIME_ZONE });
	return `${day.format(new Date(startsAt))}, ${time.format(new Date(startsAt))}–${time.format(new Date(endsAt))}`;
}
