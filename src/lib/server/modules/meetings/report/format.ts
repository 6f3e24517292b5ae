import type { MinuteKind, TemperatureValue } from '../../../../meetings/constants';
import { m } from '../../../../paraglide/messages.js';
import { formatDay, formatMoment, intlLocale, languageTag, TIME_ZONE, type DocumentLocale } from '../../../documents/format';

export type ReportLocale = DocumentLocale;
export { formatDay, formatMoment, languageTag };

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
