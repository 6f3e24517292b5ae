import type { MinuteKind, TemperatureValue } from '../../../../meetings/constants';
import { m } from '../../../../paraglide/messages.js';

export type ReportLocale = 'nl' | 'en';

/** Sessions happen in the Leidse regio: times read in Amsterdam time whatever the server's zone. */
const TIME_ZONE = 'Europe/Amsterdam';

function intlLocale(locale: ReportLocale): string {
	return locale === 'en' ? 'en-GB' : 'nl-NL';
}

/** The language tag written into the documents' metadata (PDF /Lang, Word proofing language). */
export function languageTag(locale: ReportLocale): string {
	return locale === 'en' ? 'en-GB' : 'nl-NL';
}

function dayPart(iso: string, locale: ReportLocale): string {
	return new Intl.DateTimeFormat(intlLocale(locale), {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: TIME_ZONE
	}).format(new Date(iso));
}

export function formatTime(iso: string, locale: ReportLocale): string {
	return new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }).format(new Date(iso));
}

/** "dinsdag 11 maart 2025, 19:30–21:30"; the end date is repeated only when the session runs past midnight. */
export function formatPeriod(startIso: string, endIso: string, locale: ReportLocale): string {
	const startDay = dayPart(startIso, locale);
	const endDay = dayPart(endIso, locale);
	const start = `${startDay}, ${formatTime(startIso, locale)}`;
	return startDay === endDay ? `${start}–${formatTime(endIso, locale)}` : `${start} – ${endDay}, ${formatTime(endIso, locale)}`;
}

/** A calendar date ("2025-03-14", as stored for due dates) in words: "14 maart 2025". */
export function formatDay(isoDate: string, locale: ReportLocale): string {
	const [y, mo, d] = isoDate.slice(0, 10).split('-').map(Number);
	const date = new Date(Date.UTC(y, mo - 1, d));
	return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** "11 maart 2025 om 22:05". */
export function formatMoment(iso: string, locale: ReportLocale): string {
	return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
}

export function temperatureLabel(value: TemperatureValue, locale: ReportLocale): string {
	const labels: Record<TemperatureValue, () => string> = {
		steunt: () => m.report_temperature_steunt({}, { locale }),
		steunt_onder_voorwaarden: () => m.report_temperature_steunt_onder_voorwaarden({}, { locale }),
		neutraal: () => m.report_temperature_neutraal({}, { locale }),
		bezwaar: () => m.report_temperature_bezwaar({}, { locale })
	};
	return labels[value]();
}

export function minuteKindLabel(kind: MinuteKind, locale: ReportLocale): string {
	const labels: Record<MinuteKind, () => string> = {
		besproken: () => m.report_kind_besproken({}, { locale }),
		besluit: () => m.report_kind_besluit({}, { locale }),
		actiepunt: () => m.report_kind_actiepunt({}, { locale }),
		vraag: () => m.report_kind_vraag({}, { locale })
	};
	return labels[kind]();
}
