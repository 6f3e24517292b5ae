import { m } from '../../../../paraglide/messages.js';
import type { Block, ListEntry, Outline } from '../../../documents';
import { formatDate, formatDay, formatMoment, languageTag, type DocumentLocale } from '../../../documents/format';
import { formatCents } from '../../../../agenda/money';
import { actionLabel } from '../../audit';
import { contributionKeyLabel, halfLabel, kindLabel, legalFormLabel, momentLabel, noticeLabel, steeringLabel } from '../../../../register/dashboard-labels';
import type { HalfYearReport } from './data';

type Arrangement = HalfYearReport['arrangements'][number];

/**
 * The half-yearly report as an outline, for the PDF and Word renderers alike: a letterhead (to the council,
 * period, date), an overview table of every arrangement with this year's contribution, exit cost and notice
 * term, then per arrangement its facts, its decision moments this half year and the next, the assessments
 * completed and cover notes shared in the half year; last, the changes since the previous report.
 */
export function reportOutline(report: HalfYearReport, locale: DocumentLocale, opts: { now: Date; registerUrl: string }): Outline {
	const L = { locale };
	const name = report.municipality.name;
	const half = halfLabel(report.period.half, locale);
	const title = m.regdash_doc_title({ municipality: name, half }, L);
	const blocks: Block[] = [
		{ type: 'heading', level: 1, text: title },
		{
			type: 'fields',
			rows: [
				{ label: m.regdash_doc_to({}, L), value: m.regdash_doc_to_value({ municipality: name }, L) },
				{
					label: m.regdash_doc_period({}, L),
					value: m.regdash_doc_period_value({ from: formatDay(report.period.from, locale), to: formatDay(report.period.to, locale) }, L)
				},
				{ label: m.regdash_doc_date({}, L), value: formatDate(opts.now, locale) }
			]
		},
		{ type: 'paragraph', text: m.regdash_doc_intro({ municipality: name }, L) },
		...overviewBlocks(report, locale),
		...report.arrangements.flatMap((a) => arrangementBlocks(report, a, locale)),
		...changeBlocks(report, locale),
		{ type: 'paragraph', text: [{ text: m.regdash_doc_more({ url: opts.registerUrl }, L), href: opts.registerUrl }], muted: true }
	];
	return {
		title,
		subject: m.regdash_doc_subject({}, L),
		creator: m.report_creator({}, L),
		language: languageTag(locale),
		createdAt: opts.now,
		footer: m.regdash_doc_footer({ municipality: name, date: formatMoment(opts.now, locale) }, L),
		pageLabel: (page, total) => m.report_page({ page, total }, L),
		blocks
	};
}

const money = (cents: number | null, locale: DocumentLocale) => (cents === null ? m.regdash_not_recorded({}, { locale }) : formatCents(cents, locale));

/** Every arrangement in one table with the figures a council asks for first, and the year's total. */
function overviewBlocks(report: HalfYearReport, locale: DocumentLocale): Block[] {
	const L = { locale };
	const { year } = report.period;
	if (!report.arrangements.length)
		return [
			{ type: 'heading', level: 2, text: m.regdash_doc_overview({}, L) },
			{ type: 'paragraph', text: m.regdash_doc_no_arrangements({}, L) }
		];
	const total = report.arrangements.reduce((sum, a) => sum + (a.contribution?.cents ?? 0), 0);
	return [
		{ type: 'heading', level: 2, text: m.regdash_doc_overview({}, L) },
		{
			type: 'table',
			columns: [
				{ header: m.regdash_col_name({}, L), width: 0.34 },
				{ header: m.regdash_col_contribution({ year: String(year) }, L), width: 0.22 },
				{ header: m.regdash_col_exit_cost({}, L), width: 0.22 },
				{ header: m.regdash_col_notice({}, L), width: 0.22 }
			],
			rows: report.arrangements.map((a) => [
				a.name,
				money(a.contribution?.cents ?? null, locale),
				money(a.exitCostCents, locale),
				noticeLabel(a.participantNoticeTerm, a.participantNoticeUnit, locale) || m.regdash_not_recorded({}, L)
			])
		},
		{ type: 'paragraph', text: [{ text: m.regdash_doc_total({ year: String(year), amount: formatCents(total, locale) }, L), bold: true }] }
	];
}

/** One arrangement: its facts, its moments in this half year and the next, what was assessed and shared. */
function arrangementBlocks(report: HalfYearReport, a: Arrangement, locale: DocumentLocale): Block[] {
	const L = { locale };
	const day = (iso: string) => formatDay(iso, locale);
	const participants = a.participants.map((p) => (p.municipalityId ? (report.nameOf.get(p.municipalityId) ?? p.municipalityId) : (p.outsideName ?? '')));
	const contribution = a.contribution
		? m.regdash_doc_contribution_value({ amount: formatCents(a.contribution.cents, locale), key: contributionKeyLabel(a.contribution.key, locale) }, L)
		: m.regdash_not_recorded({}, L);
	const moments = (list: Arrangement['thisHalf']): Block =>
		list.length
			? {
					type: 'list',
					entries: list.map((mo): ListEntry => ({ text: `${day(mo.on)}: ${momentLabel(mo.kind, locale)}`, ...(mo.note ? { detail: mo.note } : {}) }))
				}
			: { type: 'paragraph', text: m.regdash_doc_none({}, L), muted: true };
	return [
		{ type: 'heading', level: 2, text: a.name },
		{
			type: 'fields',
			rows: [
				{ label: m.regdash_col_kind({}, L), value: kindLabel(a.kind, locale) },
				...(a.legalForm ? [{ label: m.regdash_doc_legal_form({}, L), value: legalFormLabel(a.legalForm, locale) }] : []),
				{ label: m.regdash_doc_steering({}, L), value: steeringLabel(a.steering, locale) },
				{ label: m.regdash_doc_domain({}, L), value: a.domain },
				{ label: m.regdash_doc_participants({}, L), value: participants.join(', ') },
				...(a.leadMunicipalityId ? [{ label: m.regdash_doc_lead({}, L), value: report.nameOf.get(a.leadMunicipalityId) ?? a.leadMunicipalityId }] : []),
				{
					label: m.regdash_doc_term({}, L),
					value: a.endsOn ? m.regdash_doc_from_to({ from: day(a.startsOn), to: day(a.endsOn) }, L) : m.regdash_doc_open_ended({ from: day(a.startsOn) }, L)
				},
				{ label: m.regdash_col_contribution({ year: String(report.period.year) }, L), value: contribution },
				{ label: m.regdash_col_exit_cost({}, L), value: money(a.exitCostCents, locale) },
				{ label: m.regdash_col_notice({}, L), value: noticeLabel(a.participantNoticeTerm, a.participantNoticeUnit, locale) || m.regdash_not_recorded({}, L) }
			]
		},
		{ type: 'heading', level: 3, text: m.regdash_doc_moments({ half: halfLabel(report.period.half, locale) }, L) },
		moments(a.thisHalf),
		{ type: 'heading', level: 3, text: m.regdash_doc_moments({ half: halfLabel(report.next.half, locale) }, L) },
		moments(a.nextHalf),
		...(a.assessments.length
			? [
					{ type: 'heading', level: 3, text: m.regdash_doc_assessments({}, L) } as Block,
					{
						type: 'list',
						entries: a.assessments.map((s) => ({ text: s.title, detail: m.regdash_doc_completed_on({ date: formatDate(s.completedAt as Date, locale) }, L) }))
					} as Block
				]
			: []),
		...(a.coverNotes.length
			? [
					{ type: 'heading', level: 3, text: m.regdash_doc_cover_notes({}, L) } as Block,
					{
						type: 'list',
						entries: a.coverNotes.map((c) => ({
							text: m.regdash_doc_cover_note({ board: momentLabel(c.board, locale), date: day(c.meetingOn) }, L),
							detail: [m.regdash_doc_shared_on({ date: formatDate(c.sharedAt as Date, locale) }, L), c.relevance].filter(Boolean).join(' · ')
						}))
					} as Block
				]
			: [])
	];
}

/** The register's changes since the previous report, as the audit trail names them. */
function changeBlocks(report: HalfYearReport, locale: DocumentLocale): Block[] {
	const L = { locale };
	const heading: Block = { type: 'heading', level: 2, text: m.regdash_doc_changes({}, L) };
	if (!report.changes) return [heading, { type: 'paragraph', text: m.regdash_doc_changes_first({}, L) }];
	const names = new Map(report.arrangements.map((a) => [a.id, a.name]));
	const since: Block = {
		type: 'paragraph',
		text: m.regdash_changes_since({ half: halfLabel(report.changes.report.half, locale), date: formatDate(report.changes.report.createdAt, locale) }, L)
	};
	if (!report.changes.rows.length) return [heading, since, { type: 'paragraph', text: m.regdash_changes_none({}, L), muted: true }];
	return [
		heading,
		since,
		{
			type: 'table',
			columns: [
				{ header: m.regdash_col_when({}, L), width: 0.25 },
				{ header: m.regdash_col_name({}, L), width: 0.35 },
				{ header: m.regdash_col_change({}, L), width: 0.4 }
			],
			rows: report.changes.rows.map((c) => [formatDate(c.at, locale), names.get(c.collaborationId) ?? '', actionLabel(c.action, locale)])
		}
	];
}
