import { asc, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { collaborationContributions, collaborationMoments } from '../../db/schema';
import type { Actor } from '../../permissions';
import { m } from '../../../paraglide/messages.js';
import * as register from '../register';
import * as region from '../region';
import { kindLabel, legalFormLabel, momentLabel, noticeLabel, steeringLabel } from '../../../register/dashboard-labels';
import type { ExportContext } from './agenda-sheet';
import { keyLabel } from './labels';
import type { Cell, Column, Sheet } from './sheet';

/**
 * The register as three sheets: the arrangements (as the register's list reads them, `listCollaborations`,
 * so the file holds what the list shows), every contribution per municipality per year, and every decision
 * moment. A fixed number of queries.
 */
export async function registerSheets(q: Queryable, actor: Actor | null, ctx: ExportContext): Promise<Sheet[]> {
	const { locale } = ctx;
	const opt = { locale };
	const list = await register.listCollaborations(q, actor, {});
	const ids = list.map((c) => c.id);
	const [munis, contributions, moments] = await Promise.all([
		region.listMunicipalities(q, actor),
		ids.length
			? q
					.select()
					.from(collaborationContributions)
					.where(inArray(collaborationContributions.collaborationId, ids))
					.orderBy(asc(collaborationContributions.year), asc(collaborationContributions.municipalityId))
			: [],
		ids.length
			? q
					.select()
					.from(collaborationMoments)
					.where(inArray(collaborationMoments.collaborationId, ids))
					.orderBy(asc(collaborationMoments.on), asc(collaborationMoments.id))
			: []
	]);
	const nameOf = new Map(munis.map((mu) => [mu.id, mu.name]));
	const arrangementOf = new Map(list.map((c) => [c.id, c.name]));
	const base = { title: m.regdash_export_title({}, opt), description: m.regdash_export_description({}, opt), language: locale };
	const link = (id: string) => `${ctx.origin}/samenwerkingen/${id}`;
	const nameColumn: Column = { header: m.regdash_col_name({}, opt), kind: 'text', width: 36 };
	const linkColumn: Column = { header: m.regdash_export_col_link({}, opt), kind: 'link', width: 60 };

	const arrangements: Sheet = {
		...base,
		name: m.regdash_export_sheet_arrangements({}, opt),
		columns: [
			nameColumn,
			{ header: m.regdash_col_kind({}, opt), kind: 'text', width: 26 },
			{ header: m.regdash_export_col_legal_form({}, opt), kind: 'text', width: 28 },
			{ header: m.regdash_export_col_steering({}, opt), kind: 'text', width: 18 },
			{ header: m.regdash_export_col_domain({}, opt), kind: 'text', width: 22 },
			{ header: m.regdash_col_participants({}, opt), kind: 'text', width: 40 },
			{ header: m.regdash_export_col_outside({}, opt), kind: 'text', width: 40 },
			{ header: m.regdash_export_col_lead({}, opt), kind: 'text', width: 14 },
			{ header: m.regdash_export_col_starts({}, opt), kind: 'date', width: 12 },
			{ header: m.regdash_export_col_ends({}, opt), kind: 'date', width: 12 },
			{ header: m.regdash_export_col_notice({}, opt), kind: 'text', width: 14 },
			linkColumn
		],
		rows: list.map((c): Cell[] => [
			c.name,
			kindLabel(c.kind, locale),
			legalFormLabel(c.legalForm, locale) || null,
			steeringLabel(c.steering, locale),
			c.domain,
			c.municipalityIds.map((id) => nameOf.get(id) ?? id).join(', '),
			c.outside.join(', '),
			c.leadMunicipalityId ? (nameOf.get(c.leadMunicipalityId) ?? c.leadMunicipalityId) : null,
			c.startsOn,
			c.endsOn,
			noticeLabel(c.noticeTerm, c.noticeUnit, locale) || null,
			link(c.id)
		])
	};

	const contributionSheet: Sheet = {
		...base,
		name: m.regdash_export_sheet_contributions({}, opt),
		columns: [
			nameColumn,
			{ header: m.regdash_col_municipality({}, opt), kind: 'text', width: 16 },
			{ header: m.regdash_col_year({}, opt), kind: 'integer', width: 8 },
			{ header: m.regdash_export_col_amount({}, opt), kind: 'euro', width: 18 },
			{ header: m.regdash_export_col_key({}, opt), kind: 'text', width: 22 },
			{ header: m.regdash_export_col_share({}, opt), kind: 'percent', width: 10 }
		],
		rows: contributions.map((r): Cell[] => [
			arrangementOf.get(r.collaborationId) ?? r.collaborationId,
			nameOf.get(r.municipalityId) ?? r.municipalityId,
			r.year,
			r.cents / 100,
			keyLabel(r.key, locale),
			r.shareBp === null ? null : r.shareBp / 10_000
		])
	};

	const momentSheet: Sheet = {
		...base,
		name: m.regdash_export_sheet_moments({}, opt),
		columns: [
			nameColumn,
			{ header: m.regdash_col_date({}, opt), kind: 'date', width: 12 },
			{ header: m.regdash_col_moment({}, opt), kind: 'text', width: 22 },
			{ header: m.regdash_col_for({}, opt), kind: 'text', width: 16 },
			{ header: m.regdash_export_col_note({}, opt), kind: 'text', width: 50 }
		],
		rows: moments.map((r): Cell[] => [
			arrangementOf.get(r.collaborationId) ?? r.collaborationId,
			r.on,
			momentLabel(r.kind, locale),
			r.municipalityId ? (nameOf.get(r.municipalityId) ?? r.municipalityId) : m.regdash_all_participants({}, opt),
			r.note || null
		])
	};
	return [arrangements, contributionSheet, momentSheet];
}
