import type { EventAttributes } from 'ics';
import { icsDate, publishedCalendar } from '../../ics';
import type { Queryable } from '../../db';
import * as publicSite from '../public';
import { dutch as t } from './dutch';

const PRODUCT_ID = '-//Regioportaal Leidse regio//Open data//NL';
/** All decisions a calendar holds (every one so far, for years to come). */
const DECISIONS_MAX = 10_000;

/**
 * The public calendar (RFC 5545, METHOD:PUBLISH): each college and council decision on a public item as an
 * all-day event on its meeting date, and each session with published highlights at its time. UIDs are the
 * decision's or session's uuid (globally unique, and unlike `id@host` never mistaken for an e-mail address), so a
 * subscribed calendar updates events instead of adding them; DTSTAMP is when it was recorded, so the file only changes when the data does.
 */
export async function publicCalendar(q: Queryable, origin: string): Promise<string> {
	const [decisions, sessions, region] = await Promise.all([
		publicSite.listPublicDecisions(q, DECISIONS_MAX),
		publicSite.listPublicMeetings(q),
		publicSite.publicRegion(q)
	]);
	const municipality = new Map(region.municipalities.map((m) => [m.id, m.name]));
	const events: EventAttributes[] = [
		...decisions.map((d) => {
			const outcome = t(d.kind === 'college' ? `decisions_decision_${d.outcome}` : `decisions_outcome_${d.outcome}`);
			const [y, m, day] = icsDate(d.meetingDate);
			return {
				uid: d.id,
				title: t(d.kind === 'college' ? 'opendata_calendar_college' : 'opendata_calendar_council', {
					municipality: municipality.get(d.municipalityId) ?? d.municipalityId,
					title: d.itemTitle
				}),
				description: `${outcome}. ${t('opendata_entry_decision_text', { date: d.meetingDate, kenmerk: d.kenmerk })}`,
				start: [y, m, day],
				duration: { days: 1 },
				url: origin + publicSite.publicItemPath(d.itemId),
				categories: [d.kind === 'college' ? 'collegebesluit' : 'raadsbesluit'],
				transp: 'TRANSPARENT',
				timestamp: Date.parse(d.recordedAt)
			} as EventAttributes;
		}),
		...sessions.map(
			(s) =>
				({
					uid: s.id,
					title: t('opendata_calendar_session', { title: s.title }),
					start: Date.parse(s.startsAt),
					startInputType: 'utc',
					startOutputType: 'utc',
					end: Date.parse(s.endsAt),
					endInputType: 'utc',
					endOutputType: 'utc',
					location: s.location || undefined,
					url: origin + s.url,
					categories: ['klankbordgroep'],
					timestamp: Date.parse(s.publishedAt)
				}) as EventAttributes
		)
	];
	return publishedCalendar(events, { productId: PRODUCT_ID, calName: t('opendata_feed_title') });
}
