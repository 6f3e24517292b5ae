import type { HighlightsMinute } from '../../../../meetings/highlights';
import type { MinuteKind } from '../../../../meetings/constants';
import { m } from '../../../../paraglide/messages.js';
import type { Block, ListEntry } from '../../../documents';
import { formatDay, type ReportLocale } from './format';

export function ofKind(minutes: HighlightsMinute[], kind: MinuteKind): HighlightsMinute[] {
	return minutes.filter((minute) => minute.kind === kind);
}

/** A titled list of minutes; an empty one says so, so a reader knows nothing was left out. */
export function minuteSection(heading: string, minutes: HighlightsMinute[], locale: ReportLocale): Block[] {
	const body: Block = minutes.length
		? { type: 'list', entries: minutes.map((minute) => minuteEntry(minute, locale)) }
		: { type: 'paragraph', text: m.report_nothing_recorded({}, { locale }), muted: true };
	return [{ type: 'heading', level: 3, text: heading }, body];
}

function minuteEntry(minute: HighlightsMinute, locale: ReportLocale): ListEntry {
	if (minute.kind === 'actiepunt') return { text: minute.body, detail: actionDetail(minute, locale) };
	if (minute.kind === 'vraag')
		return { text: minute.body, detail: m.report_question_for({ council: councilLabel(minute.municipalityName, locale) }, { locale }) };
	return { text: minute.body };
}

function actionDetail(minute: HighlightsMinute, locale: ReportLocale): string {
	return m.report_action_line({ owner: ownerLabel(minute, locale), due: dueLabel(minute, locale) }, { locale });
}

export function ownerLabel(minute: HighlightsMinute, locale: ReportLocale): string {
	return minute.ownerName.trim() || m.report_no_owner({}, { locale });
}

export function dueLabel(minute: HighlightsMinute, locale: ReportLocale): string {
	return minute.dueOn ? formatDay(minute.dueOn, locale) : m.report_no_due({}, { locale });
}

export function councilLabel(municipalityName: string | null, locale: ReportLocale): string {
	return municipalityName ? m.report_question_council({ name: municipalityName }, { locale }) : m.report_question_all({}, { locale });
}
