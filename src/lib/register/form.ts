import { parseEuroToCents, parsePercentToBp } from '../agenda/money';
import { municipalityIds } from '../roles';

/**
 * The register's forms: flat form fields (`doc_title[]`, `mun_<id>_exit`, …) turned into the payloads of the
 * register's commands. No rule is decided here: what cannot be read (an amount that is no amount) becomes
 * NaN, so the command's own schema refuses it on its own field with its own Dutch message.
 */

type Values = Record<string, unknown>;

/** How many empty rows a list form offers: enough to add without JavaScript, few enough to read. */
export const EMPTY_ROWS = 3;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (values: Values, name: string): string[] => {
	const v = values[name];
	return (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]).map(str);
};
const blank = (v: unknown) => str(v).trim() === '';

/** A whole number as typed, '' → null, anything else that is no whole number → NaN. */
export function wholeNumber(v: unknown): number | null {
	if (blank(v)) return null;
	const s = str(v).trim();
	return /^-?\d+$/.test(s) ? Number(s) : Number.NaN;
}

/** An amount in euros as typed → cents; '' → null, not an amount → NaN. */
export function euros(v: unknown): number | null {
	if (blank(v)) return null;
	return parseEuroToCents(str(v)) ?? Number.NaN;
}

/** A percentage as typed → basis points; '' → null, not a percentage → NaN. */
export function percent(v: unknown): number | null {
	if (blank(v)) return null;
	return parsePercentToBp(str(v)) ?? Number.NaN;
}

/** The create/edit form → `collaborationSchema` input. Empty document rows do not count. */
export function collaborationFromForm(values: Values): Record<string, unknown> {
	const titles = list(values, 'doc_title');
	const urls = list(values, 'doc_url');
	return {
		collaborationId: blank(values.collaborationId) ? undefined : values.collaborationId,
		revision: blank(values.revision) ? undefined : (wholeNumber(values.revision) ?? undefined),
		name: str(values.name),
		kind: values.kind,
		legalForm: values.legalForm ?? '',
		steering: values.steering,
		domain: str(values.domain),
		ambitionIds: list(values, 'ambitionIds').map((a) => wholeNumber(a)),
		leadMunicipalityId: values.leadMunicipalityId ?? '',
		startsOn: str(values.startsOn),
		endsOn: values.openEnded === 'on' ? '' : str(values.endsOn),
		noticeTerm: wholeNumber(values.noticeTerm),
		noticeUnit: values.noticeUnit ?? '',
		documents: titles.map((title, i) => ({ title, url: urls[i] ?? '' })).filter((d) => !blank(d.title) || !blank(d.url))
	};
}

/** The end form → `endCollaborationSchema` input, or null when the confirmation box was not ticked. */
export function endFromForm(values: Values): Record<string, unknown> | null {
	if (values.confirm !== 'on') return null;
	return { collaborationId: values.collaborationId, revision: wholeNumber(values.revision), endsOn: str(values.endsOn), reason: str(values.reason) };
}

/** The participants form (a row per municipality with a tick, outside parties as rows) → `participantsSchema` input. */
export function participantsFromForm(values: Values): Record<string, unknown> {
	return {
		collaborationId: values.collaborationId,
		municipalities: municipalityIds
			.filter((id) => values[`mun_${id}`] === 'on')
			.map((id) => ({
				municipalityId: id,
				exitCostCents: euros(values[`mun_${id}_exit`]),
				noticeTerm: wholeNumber(values[`mun_${id}_term`]),
				noticeUnit: values[`mun_${id}_unit`] ?? ''
			})),
		outside: list(values, 'outside').filter((n) => !blank(n))
	};
}

/** The year's split → `contributionsSplitSchema` input (percentages only for the custom key). */
export function splitFromForm(values: Values): Record<string, unknown> {
	return {
		collaborationId: values.collaborationId,
		year: wholeNumber(values.year),
		key: values.key,
		totalCents: euros(values.total) ?? Number.NaN,
		shares:
			values.key === 'maatwerk'
				? municipalityIds
						.filter((id) => values[`share_${id}`] !== undefined)
						.map((id) => ({ municipalityId: id, shareBp: percent(values[`share_${id}`]) ?? Number.NaN }))
				: []
	};
}

/** One municipality's own contribution → `contributionSchema` input. */
export function contributionFromForm(values: Values): Record<string, unknown> {
	return {
		collaborationId: values.collaborationId,
		municipalityId: values.municipalityId,
		year: wholeNumber(values.year),
		cents: euros(values.amount) ?? Number.NaN,
		key: values.key,
		shareBp: percent(values.share)
	};
}

/** A municipality's board members and rapporteurs (fixed rows; empty rows do not count) → `seatsSchema` input. */
export function seatsFromForm(values: Values): Record<string, unknown> {
	const names = list(values, 'seat_name');
	const boards = list(values, 'seat_board');
	const roles = list(values, 'seat_role');
	const users = list(values, 'seat_user');
	const rapporteurs = list(values, 'rapporteur_name');
	const rapporteurUsers = list(values, 'rapporteur_user');
	return {
		collaborationId: values.collaborationId,
		municipalityId: values.municipalityId,
		seats: names
			.map((name, i) => ({ name, board: boards[i] ?? '', holderRole: roles[i] ?? '', userId: users[i] ?? '' }))
			.filter((s) => !blank(s.name) || !blank(s.userId)),
		rapporteurs: rapporteurs.map((name, i) => ({ name, userId: rapporteurUsers[i] ?? '' })).filter((r) => !blank(r.name) || !blank(r.userId))
	};
}

/** A cycle moment's form → `momentSchema` / `momentChangeSchema` input. */
export function momentFromForm(values: Values): Record<string, unknown> {
	return {
		collaborationId: values.collaborationId,
		...(blank(values.momentId) ? {} : { momentId: values.momentId }),
		kind: values.kind,
		on: str(values.on),
		municipalityId: values.municipalityId ?? '',
		note: str(values.note)
	};
}

/** An arrangement's own fields, as the pages show and edit them. */
export interface CollaborationFields {
	id: string;
	revision: number;
	name: string;
	kind: string;
	legalForm: string | null;
	steering: string;
	domain: string;
	leadMunicipalityId: string | null;
	startsOn: string;
	endsOn: string | null;
	noticeTerm: number | null;
	noticeUnit: string | null;
	documents: { title: string; url: string }[];
}

/** An arrangement as the edit form's flat fields (the same shape a refused submission comes back in). */
export function collaborationFormValues(c: CollaborationFields, ambitionIds: number[]): Record<string, unknown> {
	return {
		collaborationId: c.id,
		revision: String(c.revision),
		name: c.name,
		kind: c.kind,
		legalForm: c.legalForm ?? '',
		steering: c.steering,
		domain: c.domain,
		ambitionIds: ambitionIds.map(String),
		leadMunicipalityId: c.leadMunicipalityId ?? '',
		startsOn: c.startsOn,
		endsOn: c.endsOn ?? '',
		openEnded: c.endsOn ? undefined : 'on',
		noticeTerm: c.noticeTerm === null ? '' : String(c.noticeTerm),
		noticeUnit: c.noticeUnit ?? '',
		doc_title: c.documents.map((d) => d.title),
		doc_url: c.documents.map((d) => d.url)
	};
}

/** A flat form value as one string, or as a list (`name[]` fields). */
export const fieldText = (values: Values, name: string): string => str(values[name]);
export const fieldList = (values: Values, name: string): string[] => list(values, name);
