import type { AgendaFilter } from '../../../validation/agenda';
import type { MunicipalityId } from '../../../roles';
import type { AgendaItemJson, AgendaOverviewJson } from './api-schema';
import type { AgendaOverview, ItemDetail } from './queries';

const slug = (id: string) => id as MunicipalityId;
const slugOrNull = (id: string | null) => id as MunicipalityId | null;

/** The JSON of `GET /api/v1/items` (see docs/api.md). Amounts in cents, dates as ISO strings. */
export function overviewToJson(overview: AgendaOverview, filter: AgendaFilter): AgendaOverviewJson {
	return {
		filter,
		matching: overview.matching,
		total: overview.total,
		ambitions: overview.groups.map((g) => ({
			id: g.ambition.id,
			title: g.ambition.title,
			shortTitle: g.ambition.shortTitle,
			matching: g.matching,
			total: g.total,
			items: g.items.map((i) => ({
				id: i.id,
				url: `/api/v1/items/${i.id}`,
				title: i.title,
				summary: i.summary,
				status: i.status,
				horizon: i.horizon,
				trekker: slugOrNull(i.trekkerId),
				participants: i.participants.map(slug),
				costEstimateCents: i.costEstimateCents,
				tags: i.tags,
				updatedAt: i.updatedAt.toISOString()
			}))
		}))
	};
}

/** The JSON of `GET /api/v1/items/{id}`. */
export function itemToJson(detail: ItemDetail): AgendaItemJson {
	const { item } = detail;
	return {
		id: item.id,
		ambition: detail.ambition,
		title: item.title,
		summary: item.summary,
		description: { html: item.descriptionHtml, text: item.descriptionText },
		meerwaarde: { html: item.meerwaardeHtml, text: item.meerwaardeText },
		status: item.status,
		publicSince: item.publicSince ? item.publicSince.toISOString() : null,
		horizon: item.horizon,
		trekker: slugOrNull(item.trekkerId),
		participants: item.participants.map((p) => ({ municipality: slug(p.municipalityId), customShareBp: p.customShareBp })),
		planning: { startDate: item.startDate, endDate: item.endDate, milestones: item.milestones },
		costs: {
			estimateCents: item.costEstimateCents,
			verdeelsleutel: item.verdeelsleutel,
			externalContributions: item.contributions,
			split: detail.costs.ok
				? {
						netCents: detail.costs.split.netCents,
						shares: detail.costs.split.shares.map((s) => ({ municipality: slug(s.municipalityId), cents: s.cents }))
					}
				: null,
			problem: detail.costs.ok ? null : detail.costs.key
		},
		documents: item.links,
		tags: item.tags,
		people: detail.people,
		revision: item.revision,
		createdBy: detail.createdBy,
		createdAt: item.createdAt.toISOString(),
		updatedAt: item.updatedAt.toISOString(),
		versions: detail.versions.map((v) => ({
			number: v.number,
			reason: v.reason,
			contentHash: v.contentHash,
			restoredFrom: v.restoredFrom,
			createdAt: v.createdAt.toISOString(),
			createdBy: v.createdBy,
			contributors: v.contributors
		}))
	};
}
