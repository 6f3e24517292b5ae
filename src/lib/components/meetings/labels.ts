import { m } from '$lib/paraglide/messages.js';
import type { MeetingStatus, MinuteKind, TemperatureValue } from '$lib/meetings/constants';
import { positionIcon, positionLabel } from '$lib/components/decisions/labels';

export const meetingStatusLabel = (s: MeetingStatus): string =>
	({
		gepland: m.meetings_status_gepland(),
		live: m.meetings_status_live(),
		afgesloten: m.meetings_status_afgesloten(),
		geannuleerd: m.meetings_status_geannuleerd()
	})[s];

/** A temperature check speaks the positions' words, with their icon (never colour alone). */
export const temperatureLabel = (v: TemperatureValue): string => positionLabel(v);
export const temperatureIcon = (v: TemperatureValue): string => positionIcon(v);

export const minuteKindLabel = (k: MinuteKind): string =>
	({
		besproken: m.meetings_minute_kind_besproken(),
		besluit: m.meetings_minute_kind_besluit(),
		actiepunt: m.meetings_minute_kind_actiepunt(),
		vraag: m.meetings_minute_kind_vraag()
	})[k];

const intl = (locale: string) => (locale === 'en' ? 'en-GB' : 'nl-NL');

export { formatWhen } from '$lib/meetings/time';

export function formatDay(iso: string, locale: string): string {
	return new Intl.DateTimeFormat(intl(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** Seconds as m:ss (or h:mm:ss). */
export function clock(seconds: number): string {
	const s = Math.max(0, Math.floor(seconds));
	const h = Math.floor(s / 3600);
	const mm = Math.floor((s % 3600) / 60);
	const ss = String(s % 60).padStart(2, '0');
	return h ? `${h}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}
