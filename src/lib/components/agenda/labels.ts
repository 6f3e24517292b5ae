import { m } from '$lib/paraglide/messages.js';
import type { Horizon, ItemStatus, Verdeelsleutel, VersionReason } from '$lib/agenda/constants';

/** Dutch (or English) names for the agenda's fixed values; every label comes from messages/agenda. */
export const statusLabel = (s: ItemStatus | string): string =>
	(
		({
			concept: m.agenda_status_concept,
			in_bespreking: m.agenda_status_in_bespreking,
			gereed_voor_besluitvorming: m.agenda_status_gereed_voor_besluitvorming,
			vastgesteld: m.agenda_status_vastgesteld,
			afgewezen: m.agenda_status_afgewezen,
			in_uitvoering: m.agenda_status_in_uitvoering,
			afgerond: m.agenda_status_afgerond
		}) as Record<string, () => string>
	)[s]?.() ?? s;

export const horizonLabel = (h: Horizon | string): string =>
	h === 'voor_verkiezingen' ? m.agenda_horizon_voor_verkiezingen() : h === 'na_verkiezingen' ? m.agenda_horizon_na_verkiezingen() : h;

export const keyLabel = (k: Verdeelsleutel | string): string =>
	k === 'inwoners' ? m.agenda_key_inwoners() : k === 'gelijk' ? m.agenda_key_gelijk() : k === 'maatwerk' ? m.agenda_key_maatwerk() : k;

export const reasonLabel = (r: VersionReason | string): string =>
	(
		({
			status: m.agenda_reason_status,
			manual: m.agenda_reason_manual,
			auto: m.agenda_reason_auto,
			restore: m.agenda_reason_restore
		}) as Record<string, () => string>
	)[r]?.() ?? r;

export const transitionLabel = (from: ItemStatus, to: ItemStatus): string => {
	if (to === 'in_bespreking') return from === 'concept' ? m.agenda_transition_to_in_bespreking() : m.agenda_transition_reopen();
	const labels: Record<string, () => string> = {
		gereed_voor_besluitvorming: m.agenda_transition_to_gereed_voor_besluitvorming,
		in_uitvoering: m.agenda_transition_to_in_uitvoering,
		afgerond: m.agenda_transition_to_afgerond,
		concept: m.agenda_transition_to_concept,
		vastgesteld: m.agenda_transition_to_vastgesteld,
		afgewezen: m.agenda_transition_to_afgewezen
	};
	return labels[to]();
};

export const fieldLabel = (f: string): string =>
	(
		({
			title: m.agenda_fieldname_title,
			ambitionId: m.agenda_fieldname_ambitionId,
			horizon: m.agenda_fieldname_horizon,
			trekkerId: m.agenda_fieldname_trekkerId,
			status: m.agenda_fieldname_status,
			startDate: m.agenda_fieldname_startDate,
			endDate: m.agenda_fieldname_endDate,
			costEstimateCents: m.agenda_fieldname_costEstimateCents,
			verdeelsleutel: m.agenda_fieldname_verdeelsleutel,
			participants: m.agenda_fieldname_participants,
			contributions: m.agenda_fieldname_contributions,
			milestones: m.agenda_fieldname_milestones,
			links: m.agenda_fieldname_links,
			tags: m.agenda_fieldname_tags,
			people: m.agenda_fieldname_people,
			scenarios: m.agenda_fieldname_scenarios,
			summary: m.agenda_fieldname_summary,
			description: m.agenda_fieldname_description,
			meerwaarde: m.agenda_fieldname_meerwaarde
		}) as Record<string, () => string>
	)[f]?.() ?? f;

/** A date `2026-03-31` as "31 maart 2026". */
export function formatDate(iso: string | null | undefined, locale: string): string {
	if (!iso) return m.agenda_date_unknown();
	const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

export function formatDateTime(value: Date | string, locale: string): string {
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZone: 'Europe/Amsterdam'
	}).format(new Date(value));
}
