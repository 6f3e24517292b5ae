import { inArray } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { agendaItems } from '../../db/schema';
import type { Actor } from '../../permissions';
import type { AgendaFilter } from '../../../validation/agenda';
import type { Verdeelsleutel } from '../../../agenda/constants';
import { trySplitCosts } from '../../../agenda/costs';
import { m } from '../../../paraglide/messages.js';
import * as agenda from '../agenda-items';
import * as region from '../region';
import { itemColumns, itemLink, linkColumn } from './columns';
import { describeFilter } from './filter-text';
import { horizonLabel, keyLabel, statusLabel, type ExportLocale } from './labels';
import type { Cell, Column, Sheet } from './sheet';

export interface ExportContext {
	locale: ExportLocale;
	/** The portal's origin, for the links back to each item (`https://regioportaal.example`). */
	origin: string;
}

type Split = ReturnType<typeof trySplitCosts>;

/** Each municipality's share in euro, or null when it does not take part or the split cannot be made. */
function shareOf(split: Split, municipalityId: string): number | null {
	if (!split.ok) return null;
	const share = split.split.shares.find((s) => s.municipalityId === municipalityId);
	return share ? share.cents / 100 : null;
}

/**
 * The agenda as the overview page shows it to this person with these filters (the same read model,
 * `listItems`, so the same items in the same order), one row per item, with what the page leaves to the
 * item page: planning, the cost split per municipality and the link. A fixed number of queries.
 */
export async function agendaSheet(q: Queryable, actor: Actor | null, filter: AgendaFilter, ctx: ExportContext): Promise<Sheet> {
	const { locale } = ctx;
	const overview = await agenda.listItems(q, actor, filter);
	const [munis, ambitionRows] = await Promise.all([region.listMunicipalities(q, actor), region.listAmbitions(q, actor)]);
	const listed = overview.groups.flatMap((g) => g.items);
	const rows = listed.length
		? await q
				.select()
				.from(agendaItems)
				.where(
					inArray(
						agendaItems.id,
						listed.map((i) => i.id)
					)
				)
		: [];
	const stateOf = new Map((await agenda.loadChildren(q, rows)).map((s) => [s.id, s]));
	const nameOf = new Map(munis.map((mu) => [mu.id, mu.name]));
	const inhabitants = new Map(munis.map((mu) => [mu.id, mu.inhabitants]));
	const ambitionOf = new Map(ambitionRows.map((a) => [a.id, `${a.id}. ${a.shortTitle}`]));
	const opt = { locale };

	const columns: Column[] = [
		...itemColumns(locale),
		{ header: m.exports_col_horizon({}, opt), kind: 'text', width: 20 },
		{ header: m.exports_col_trekker({}, opt), kind: 'text', width: 14 },
		{ header: m.exports_col_participants({}, opt), kind: 'text', width: 40 },
		{ header: m.exports_col_cost_estimate({}, opt), kind: 'euro', width: 18 },
		{ header: m.exports_col_verdeelsleutel({}, opt), kind: 'text', width: 22 },
		...munis.map((mu): Column => ({ header: m.exports_col_cost_for({ municipality: mu.name }, opt), kind: 'euro', width: 18 })),
		{ header: m.exports_col_start({}, opt), kind: 'date', width: 12 },
		{ header: m.exports_col_end({}, opt), kind: 'date', width: 12 },
		{ header: m.exports_col_labels({}, opt), kind: 'text', width: 30 },
		linkColumn(locale)
	];

	const sheetRows = listed.map((item): Cell[] => {
		const state = stateOf.get(item.id);
		const split: Split = state
			? trySplitCosts(
					state.costEstimateCents,
					state.contributions,
					state.verdeelsleutel as Verdeelsleutel,
					state.participants.map((p) => ({ ...p, inhabitants: inhabitants.get(p.municipalityId) ?? 0 }))
				)
			: { ok: false, key: 'agenda_costs_invalid_amount', params: {} };
		return [
			item.id,
			item.title,
			ambitionOf.get(item.ambitionId) ?? String(item.ambitionId),
			statusLabel(item.status, locale),
			horizonLabel(item.horizon, locale),
			item.trekkerId ? (nameOf.get(item.trekkerId) ?? item.trekkerId) : null,
			item.participants.map((id) => nameOf.get(id) ?? id).join(', '),
			item.costEstimateCents / 100,
			state ? keyLabel(state.verdeelsleutel, locale) : null,
			...munis.map((mu) => shareOf(split, mu.id)),
			state?.startDate ?? null,
			state?.endDate ?? null,
			item.tags.join(', '),
			itemLink(ctx.origin, item.id)
		];
	});

	return {
		name: m.exports_agenda_sheet({}, opt),
		title: m.exports_agenda_title({}, opt),
		description: describeFilter(filter, locale),
		language: locale,
		columns,
		rows: sheetRows
	};
}
