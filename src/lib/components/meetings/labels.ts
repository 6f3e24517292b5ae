import { m } from '$lib/paraglide/messages.js';
import type { MeetingStatus, MinuteKind, TemperatureValue } from '$lib/meetings/constants';
import { positionIcon, positionLabel } from '$lib/components/decisions/labels';
import { MEETING_TIME_ZONE } from '$lib/meetings/time';

export const meetingStatusLabel = (s: MeetingStatus): string =>
	({ gepland: m.meetings_status_gepland(), live: m.meetings_status_live(), afgesloten: m.meetings_status_afgesloten() })[s];

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

/** "dinsdag 10 maart 2026, 19:30–21:30" in Amsterdam time. */
export function formatWhen(startsAt: Date | string, endsAt: Date | string, locale: string): string {
	const day = new Intl.DateTimeFormat(intl(locale), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: MEETING_TIME_ZONE });
	const time = new Intl.DateTimeFormat(intl(locale), { hour: '2-digit', minute: '2-digit', timeZone: MEETING_TIME_ZONE });
	return `${day.format(new Date(startsAt))}, ${time.format(new Date(startsAt))}–${time.format(new Date(endsAt))}`;
}

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
