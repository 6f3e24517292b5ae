import { and, asc, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { councilDecisions, signOffs } from '../../db/schema';
import type { Actor } from '../../permissions';
import type { PositionKind } from '../../../decisions/constants';
import { m } from '../../../paraglide/messages.js';
import * as decisions from '../decisions';
import type { ExportContext } from './agenda-sheet';
import { itemColumns, itemLink, linkColumn } from './columns';
import { describeFilter } from './filter-text';
import { consensusLevelLabel, decisionLabel, outcomeLabel, positionLabel, statusLabel } from './labels';
import type { Cell, Column, Sheet } from './sheet';

type MatrixFilter = Parameters<typeof decisions.positionMatrix>[2];

interface Decided {
	label: string;
	date: string;
}

const key = (itemId: string, municipalityId: string) => `${itemId}|${municipalityId}`;

/**
 * Per item and municipality the college decision that counts (the newest one not voided, as the item page
 * shows it) and the council's newest decision. Two queries for all items.
 */
async function decidedFor(q: Queryable, itemIds: string[], locale: ExportContext['locale']) {
	const college = new Map<string, Decided>();
	const council = new Map<string, Decided>();
	if (!itemIds.length) return { college, council };
	const [signRows, councilRows] = await Promise.all([
		q
			.select({ itemId: signOffs.itemId, municipalityId: signOffs.municipalityId, decision: signOffs.decision, meetingDate: signOffs.meetingDate })
			.from(signOffs)
			.where(and(inArray(signOffs.itemId, itemIds), isNull(signOffs.voidedAt)))
			.orderBy(asc(signOffs.signedAt)),
		q
			.select({
				itemId: councilDecisions.itemId,
				municipalityId: councilDecisions.municipalityId,
				outcome: councilDecisions.outcome,
				meetingDate: councilDecisions.meetingDate
			})
			.from(councilDecisions)
			.where(inArray(councilDecisions.itemId, itemIds))
			.orderBy(asc(councilDecisions.recordedAt))
	]);
	// In time order, so the newest of each pair is the one left in the map.
	for (const s of signRows) college.set(key(s.itemId, s.municipalityId), { label: decisionLabel(s.decision, locale), date: s.meetingDate });
	for (const c of councilRows) council.set(key(c.itemId, c.municipalityId), { label: outcomeLabel(c.outcome, locale), date: c.meetingDate });
	return { college, council };
}

/** What the matrix cell says: the position's label, left empty for a municipality that neither takes part nor took a position. */
function positionCell(position: PositionKind | null, takesPart: boolean, locale: ExportContext['locale']): Cell {
	return position || takesPart ? positionLabel(position ?? 'nog_geen_standpunt', locale) : null;
}

/**
 * The positions overview as the page shows it to this person with these filters (the same read model,
 * `positionMatrix`: the same items in the same order), one row per item: each municipality's position,
 * the support, and per municipality its college and council decision. A fixed number of queries.
 */
export async function positionsSheet(q: Queryable, actor: Actor | null, filter: MatrixFilter, ctx: ExportContext): Promise<Sheet> {
	const { locale } = ctx;
	const opt = { locale };
	const matrix = await decisions.positionMatrix(q, actor, filter);
	const items = matrix.groups.flatMap((g) => g.items.map((item) => ({ ...item, ambition: `${g.ambition.id}. ${g.ambition.shortTitle}` })));
	const { college, council } = await decidedFor(
		q,
		items.map((i) => i.id),
		locale
	);
	const munis = matrix.municipalities;

	const columns: Column[] = [
		...itemColumns(locale),
		...munis.map((mu): Column => ({ header: m.exports_col_position_of({ municipality: mu.name }, opt), kind: 'text', width: 24 })),
		{ header: m.exports_col_support({}, opt), kind: 'integer', width: 10 },
		{ header: m.exports_col_counted({}, opt), kind: 'integer', width: 12 },
		{ header: m.exports_col_support_share({}, opt), kind: 'percent', width: 12 },
		{ header: m.exports_col_consensus({}, opt), kind: 'text', width: 12 },
		...munis.flatMap((mu): Column[] => [
			{ header: m.exports_col_signoff_of({ municipality: mu.name }, opt), kind: 'text', width: 22 },
			{ header: m.exports_col_signoff_date_of({ municipality: mu.name }, opt), kind: 'date', width: 14 },
			{ header: m.exports_col_council_of({ municipality: mu.name }, opt), kind: 'text', width: 22 },
			{ header: m.exports_col_council_date_of({ municipality: mu.name }, opt), kind: 'date', width: 14 }
		]),
		linkColumn(locale)
	];

	const rows = items.map((item): Cell[] => {
		const { support, total, level } = item.consensus;
		return [
			item.id,
			item.title,
			item.ambition,
			statusLabel(item.status, locale),
			...munis.map((mu) => positionCell(item.positions[mu.id] ?? null, item.participants.includes(mu.id), locale)),
			support,
			total,
			total > 0 ? support / total : null,
			consensusLevelLabel(level, locale),
			...munis.flatMap((mu) => {
				const c = college.get(key(item.id, mu.id));
				const r = council.get(key(item.id, mu.id));
				return [c?.label ?? null, c?.date ?? null, r?.label ?? null, r?.date ?? null];
			}),
			itemLink(ctx.origin, item.id)
		];
	});

	return {
		name: m.exports_positions_sheet({}, opt),
		title: m.exports_positions_title({}, opt),
		description: describeFilter(filter ?? {}, locale),
		language: locale,
		columns,
		rows
	};
}
