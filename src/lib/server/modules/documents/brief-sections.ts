import { m } from '../../../paraglide/messages.js';
import type { Block, ListEntry } from '../../documents';
import { formatDate, formatDay, type DocumentLocale } from '../../documents/format';
import { bpToPercent, formatCents } from '../../../agenda/money';
import type { Verdeelsleutel } from '../../../agenda/constants';
import type { ItemBrief } from './item-brief';
import { costProblem, decisionLabel, keyLabel, outcomeLabel } from './labels';

const nameOf = (brief: ItemBrief, id: string) => brief.municipalities.find((mu) => mu.id === id)?.name ?? id;

export function planningBlocks(brief: ItemBrief, locale: DocumentLocale): Block[] {
	const { startDate, endDate, milestones } = brief.text.content;
	const day = (d: string | null) => (d ? formatDay(d, locale) : m.brief_not_planned({}, { locale }));
	const entries: ListEntry[] = milestones.map((ms) => ({
		text: (ms.done ? m.brief_milestone_done : m.brief_milestone)({ title: ms.title, date: formatDay(ms.dueDate, locale) }, { locale })
	}));
	return [
		{ type: 'heading', level: 2, text: m.agenda_section_planning({}, { locale }) },
		{
			type: 'fields',
			rows: [
				{ label: m.agenda_field_start({}, { locale }), value: day(startDate) },
				{ label: m.agenda_field_end({}, { locale }), value: day(endDate) }
			]
		},
		...(entries.length ? [{ type: 'heading', level: 3, text: m.brief_milestones({}, { locale }) } as const, { type: 'list', entries } as const] : [])
	];
}

/** What the municipality pays, and the whole split beside it so the council sees how its share came about. */
export function costBlocks(brief: ItemBrief, locale: DocumentLocale): Block[] {
	const name = brief.municipality.name;
	const heading: Block = { type: 'heading', level: 2, text: m.brief_costs_heading({ municipality: name }, { locale }) };
	const key = keyLabel(brief.text.content.verdeelsleutel as Verdeelsleutel, locale);
	if (!brief.costs.ok) {
		return [
			heading,
			{ type: 'fields', rows: [{ label: m.brief_costs_key({}, { locale }), value: key }] },
			{ type: 'paragraph', text: costProblem(brief.costs.key, brief.costs.params, locale) }
		];
	}
	const { split } = brief.costs;
	const own = split.shares.find((s) => s.municipalityId === brief.municipality.id);
	const money = (cents: number) => formatCents(cents, locale);
	const share = own ? m.brief_costs_share_value({ amount: money(own.cents), percent: bpToPercent(own.shareBp, locale, true) }, { locale }) : money(0);
	return [
		heading,
		{
			type: 'fields',
			rows: [
				{ label: m.brief_costs_share({ municipality: name }, { locale }), value: [{ text: share, bold: true }] },
				{ label: m.agenda_costs_total({}, { locale }), value: money(split.totalCents) },
				{ label: m.agenda_costs_external({}, { locale }), value: money(split.externalCents) },
				{ label: m.agenda_costs_net({}, { locale }), value: money(split.netCents) },
				{ label: m.brief_costs_key({}, { locale }), value: key }
			]
		},
		{
			type: 'table',
			columns: [
				{ header: m.brief_costs_col_municipality({}, { locale }), width: 0.4 },
				{ header: m.brief_costs_col_percent({}, { locale }), width: 0.25 },
				{ header: m.brief_costs_col_amount({}, { locale }), width: 0.35 }
			],
			rows: split.shares.map((s) => [nameOf(brief, s.municipalityId), `${bpToPercent(s.shareBp, locale, true)} %`, money(s.cents)])
		},
		{ type: 'paragraph', text: m.brief_costs_note({}, { locale }), muted: true }
	];
}

/** Each participating college's and council's decision (or that there is none yet), then the progress. */
export function decisionBlocks(brief: ItemBrief, locale: DocumentLocale): Block[] {
	const none = m.brief_no_decision({}, { locale });
	const date = (d: string) => formatDay(d, locale);
	const colleges = brief.colleges.map(({ municipalityId, signOff: s }) =>
		s
			? [nameOf(brief, municipalityId), decisionLabel(s.decision, locale), date(s.meetingDate), s.kenmerk, String(s.versionNumber)]
			: [nameOf(brief, municipalityId), none, '', '', '']
	);
	const councils = brief.councils.map(({ municipalityId, decision: c }) =>
		c ? [nameOf(brief, municipalityId), outcomeLabel(c.outcome, locale), date(c.meetingDate), c.kenmerk] : [nameOf(brief, municipalityId), none, '', '']
	);
	const wensen = brief.councils.flatMap(({ municipalityId, decision: c }): Block[] =>
		c?.wensenEnBedenkingen.trim()
			? [
					{
						type: 'fields',
						rows: [{ label: m.brief_wensen({ municipality: nameOf(brief, municipalityId) }, { locale }), value: c.wensenEnBedenkingen }]
					}
				]
			: []
	);
	const col = (header: string, width: number) => ({ header, width });
	const progress = brief.progress;
	return [
		{ type: 'heading', level: 2, text: m.brief_decisions_heading({}, { locale }) },
		{ type: 'heading', level: 3, text: m.brief_colleges({}, { locale }) },
		{
			type: 'table',
			columns: [
				col(m.brief_costs_col_municipality({}, { locale }), 0.22),
				col(m.brief_col_decision({}, { locale }), 0.26),
				col(m.brief_col_date({}, { locale }), 0.2),
				col(m.brief_col_kenmerk({}, { locale }), 0.2),
				col(m.brief_col_version({}, { locale }), 0.12)
			],
			rows: colleges
		},
		{ type: 'heading', level: 3, text: m.brief_councils({}, { locale }) },
		{
			type: 'table',
			columns: [
				col(m.brief_costs_col_municipality({}, { locale }), 0.25),
				col(m.brief_col_decision({}, { locale }), 0.3),
				col(m.brief_col_date({}, { locale }), 0.22),
				col(m.brief_col_kenmerk({}, { locale }), 0.23)
			],
			rows: councils
		},
		...wensen,
		{ type: 'heading', level: 3, text: m.brief_progress({}, { locale }) },
		progress
			? {
					type: 'paragraph',
					text: [m.brief_progress_value({ percent: progress.percent, date: formatDate(progress.reportedAt, locale) }, { locale }), progress.note]
						.filter(Boolean)
						.join(' — ')
				}
			: { type: 'paragraph', text: m.brief_progress_none({}, { locale }), muted: true }
	];
}

/** The way back to the item, and the documents it links to, as clickable links. */
export function moreBlocks(brief: ItemBrief, locale: DocumentLocale, itemUrl: string): Block[] {
	const links = brief.text.content.links.filter((l) => /^https?:\/\//i.test(l.url));
	return [
		{ type: 'heading', level: 2, text: m.brief_more_heading({}, { locale }) },
		{ type: 'fields', rows: [{ label: m.brief_link_item({}, { locale }), value: [{ text: itemUrl, href: itemUrl }] }] },
		...(links.length
			? [
					{ type: 'heading', level: 3, text: m.agenda_section_documents({}, { locale }) } as const,
					{
						type: 'list',
						entries: links.map((l) => ({
							text: [{ text: l.kenmerk ? m.brief_kenmerk_suffix({ title: l.title, kenmerk: l.kenmerk }, { locale }) : l.title, href: l.url }]
						}))
					} as const
				]
			: [])
	];
}
