import type { Highlights, HighlightsMinute } from '../../../../meetings/highlights';
import { minuteKinds } from '../../../../meetings/constants';
import { m } from '../../../../paraglide/messages.js';
import type { Block, ListEntry } from '../../../documents';
import { minuteKindLabel, type ReportLocale } from './format';
import { councilLabel, dueLabel, minuteSection, ofKind, ownerLabel } from './minute-blocks';

/** A minute with where it was written: an agenda item's number, or null for the general minutes. */
interface Sourced {
	minute: HighlightsMinute;
	position: number | null;
}

function allMinutes(h: Highlights): Sourced[] {
	return [
		...h.items.flatMap((item) => item.minutes.map((minute) => ({ minute, position: item.position }))),
		...h.general.map((minute) => ({ minute, position: null }))
	];
}

function sourceLabel(position: number | null, locale: ReportLocale): string {
	return position === null ? m.report_source_general({}, { locale }) : m.report_source_item({ number: position }, { locale });
}

/** All action points in one table, so the owners find theirs without reading the whole report. */
export function actionSummary(h: Highlights, locale: ReportLocale): Block[] {
	const heading: Block = { type: 'heading', level: 2, text: m.report_summary_actions({}, { locale }) };
	const actions = allMinutes(h).filter((s) => s.minute.kind === 'actiepunt');
	if (actions.length === 0) return [heading, { type: 'paragraph', text: m.report_summary_actions_none({}, { locale }), muted: true }];
	const rows = actions.map(({ minute, position }) => [minute.body, ownerLabel(minute, locale), dueLabel(minute, locale), sourceLabel(position, locale)]);
	const columns = [
		{ header: m.report_col_action({}, { locale }), width: 0.46 },
		{ header: m.report_col_owner({}, { locale }), width: 0.2 },
		{ header: m.report_col_due({}, { locale }), width: 0.18 },
		{ header: m.report_col_source({}, { locale }), width: 0.16 }
	];
	return [heading, { type: 'table', columns, rows }];
}

/** Questions grouped per council, the ones for all councils first: each member carries their own group back. */
export function questionSummary(h: Highlights, locale: ReportLocale): Block[] {
	const heading: Block = { type: 'heading', level: 2, text: m.report_summary_questions({}, { locale }) };
	const questions = allMinutes(h).filter((s) => s.minute.kind === 'vraag');
	if (questions.length === 0) return [heading, { type: 'paragraph', text: m.report_summary_questions_none({}, { locale }), muted: true }];
	const order = [null, ...h.attendance.map((a) => a.municipalityName)];
	for (const q of questions) if (!order.includes(q.minute.municipalityName)) order.push(q.minute.municipalityName);
	const groups = order
		.map((council) => ({ council, entries: questions.filter((q) => q.minute.municipalityName === council) }))
		.filter((g) => g.entries.length > 0);
	return [heading, ...groups.flatMap((g) => questionGroup(g.council, g.entries, locale))];
}

function questionGroup(council: string | null, entries: Sourced[], locale: ReportLocale): Block[] {
	const list: ListEntry[] = entries.map(({ minute, position }) => ({ text: minute.body, detail: sourceLabel(position, locale) }));
	return [
		{ type: 'heading', level: 3, text: councilLabel(council, locale) },
		{ type: 'list', entries: list }
	];
}

/** Minutes not tied to an item, per kind; only the kinds that occur, or one sentence when there are none. */
export function generalSections(h: Highlights, locale: ReportLocale): Block[] {
	const heading: Block = { type: 'heading', level: 2, text: m.report_general({}, { locale }) };
	if (h.general.length === 0) return [heading, { type: 'paragraph', text: m.report_general_none({}, { locale }), muted: true }];
	const sections = minuteKinds
		.filter((kind) => ofKind(h.general, kind).length > 0)
		.flatMap((kind) => minuteSection(minuteKindLabel(kind, locale), ofKind(h.general, kind), locale));
	return [heading, ...sections];
}
