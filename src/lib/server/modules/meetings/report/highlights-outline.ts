import type { Highlights, HighlightsItem, HighlightsScenarioCheck } from '../../../../meetings/highlights';
import { temperatureValues } from '../../../../meetings/constants';
import { m } from '../../../../paraglide/messages.js';
import type { Block, Outline, RichText } from '../../../documents';
import { formatMoment, formatPeriod, formatTime, languageTag, temperatureLabel, type ReportLocale } from './format';
import { minuteSection, ofKind } from './minute-blocks';
import { actionSummary, generalSections, questionSummary } from './highlights-summary';

/** Turns a session's highlights into the report's outline, every label in the requested language. */
export function highlightsOutline(h: Highlights, locale: ReportLocale): Outline {
	const title = m.report_title({ title: h.meeting.title }, { locale });
	const blocks: Block[] = [
		{ type: 'heading', level: 1, text: title },
		meetingFields(h, locale),
		...attendance(h, locale),
		...h.items.flatMap((item) => itemBlocks(item, h, locale)),
		...actionSummary(h, locale),
		...questionSummary(h, locale),
		...generalSections(h, locale)
	];
	return {
		title,
		subject: m.report_subject({}, { locale }),
		creator: m.report_creator({}, { locale }),
		language: languageTag(locale),
		createdAt: new Date(h.generatedAt),
		footer: m.report_generated({ date: formatMoment(h.generatedAt, locale) }, { locale }),
		pageLabel: (page, total) => m.report_page({ page, total }, { locale }),
		blocks
	};
}

function meetingFields(h: Highlights, locale: ReportLocale): Block {
	const { meeting } = h;
	const rows: { label: string; value: RichText }[] = [{ label: m.report_when({}, { locale }), value: formatPeriod(meeting.startsAt, meeting.endsAt, locale) }];
	if (meeting.startedAt && meeting.endedAt) {
		rows.push({ label: m.report_held({}, { locale }), value: `${formatTime(meeting.startedAt, locale)}–${formatTime(meeting.endedAt, locale)}` });
	}
	if (meeting.location || !meeting.onlineUrl) {
		rows.push({ label: m.report_place({}, { locale }), value: meeting.location || m.report_not_specified({}, { locale }) });
	}
	// A clickable link in both documents (a web address only: anything else stays text).
	if (meeting.onlineUrl) rows.push({ label: m.report_online({}, { locale }), value: linkOrText(meeting.onlineUrl) });
	rows.push({ label: m.report_chair({}, { locale }), value: meeting.chairName ?? m.report_chair_none({}, { locale }) });
	return { type: 'fields', rows };
}

function attendance(h: Highlights, locale: ReportLocale): Block[] {
	const nobody = m.report_attendance_nobody({}, { locale });
	const rows = h.attendance.map((a) => ({ label: a.municipalityName, value: a.names.length ? a.names.join(', ') : nobody }));
	const regional = h.regionalAttendees.length ? h.regionalAttendees.join(', ') : m.report_attendance_regional_none({}, { locale });
	rows.push({ label: m.report_attendance_regional({}, { locale }), value: regional });
	return [
		{ type: 'heading', level: 2, text: m.report_attendance({}, { locale }) },
		{ type: 'fields', rows }
	];
}

function itemBlocks(item: HighlightsItem, h: Highlights, locale: ReportLocale): Block[] {
	const spent = Math.round(item.spentSeconds / 60);
	const time = m.report_time_value({ planned: item.plannedMinutes, spent }, { locale });
	return [
		{ type: 'heading', level: 2, text: m.report_item_heading({ number: item.position, title: item.title }, { locale }) },
		{
			type: 'fields',
			rows: [
				{ label: m.report_ambition({}, { locale }), value: item.ambitionName },
				{ label: m.report_time({}, { locale }), value: time }
			]
		},
		...minuteSection(m.report_discussed({}, { locale }), ofKind(item.minutes, 'besproken'), locale),
		...minuteSection(m.report_decisions({}, { locale }), ofKind(item.minutes, 'besluit'), locale),
		...temperatureSection(item, h, locale),
		...scenarioSection(item, locale),
		...minuteSection(m.report_actions({}, { locale }), ofKind(item.minutes, 'actiepunt'), locale),
		...minuteSection(m.report_questions({}, { locale }), ofKind(item.minutes, 'vraag'), locale)
	];
}

/** Every municipality gets a row (in the region's order), so a missing vote is visible, in words not symbols. */
function temperatureSection(item: HighlightsItem, h: Highlights, locale: ReportLocale): Block[] {
	const heading: Block = { type: 'heading', level: 3, text: m.report_temperature({}, { locale }) };
	if (item.temperature.length === 0) return [heading, { type: 'paragraph', text: m.report_temperature_none({}, { locale }), muted: true }];
	const known = new Set(h.attendance.map((a) => a.municipalityId));
	const extra = item.temperature.filter((t) => !known.has(t.municipalityId));
	const municipalities = [
		...h.attendance.map((a) => ({ id: a.municipalityId, name: a.municipalityName })),
		...extra.map((t) => ({ id: t.municipalityId, name: t.municipalityName }))
	];
	const rows = municipalities.map(({ id, name }) => {
		const given = item.temperature.find((t) => t.municipalityId === id);
		return given ? [name, temperatureLabel(given.value, locale), given.givenByName] : [name, m.report_temperature_not_given({}, { locale }), ''];
	});
	const tally = temperatureValues.map((v) => `${temperatureLabel(v, locale)}: ${item.temperature.filter((t) => t.value === v).length}`).join(' · ');
	return [
		heading,
		{
			type: 'table',
			columns: [
				{ header: m.report_col_municipality({}, { locale }), width: 0.3 },
				{ header: m.report_col_temperature({}, { locale }), width: 0.35 },
				{ header: m.report_col_given_by({}, { locale }), width: 0.35 }
			],
			rows
		},
		{ type: 'paragraph', text: `${m.report_temperature_tally({}, { locale })}: ${tally}` }
	];
}

/** The checks per scenario, when the chair had the comparison on screen: one row per scenario and municipality. */
function scenarioSection(item: HighlightsItem, locale: ReportLocale): Block[] {
	const groups = item.scenarioChecks ?? [];
	if (!groups.length) return [];
	const title = (g: HighlightsScenarioCheck) => (g.removed ? m.meetings_report_scenario_removed({ title: g.scenarioTitle }, { locale }) : g.scenarioTitle);
	const rows = groups.flatMap((g) => g.checks.map((c) => [title(g), c.municipalityName, temperatureLabel(c.value, locale), c.givenByName]));
	return [
		{ type: 'heading', level: 3, text: m.meetings_report_scenario_checks({}, { locale }) },
		{
			type: 'table',
			columns: [
				{ header: m.meetings_report_col_scenario({}, { locale }), width: 0.3 },
				{ header: m.report_col_municipality({}, { locale }), width: 0.2 },
				{ header: m.report_col_temperature({}, { locale }), width: 0.25 },
				{ header: m.report_col_given_by({}, { locale }), width: 0.25 }
			],
			rows
		}
	];
}

function linkOrText(url: string): RichText {
	return /^https?:\/\//i.test(url) ? [{ text: url, href: url }] : url;
}
