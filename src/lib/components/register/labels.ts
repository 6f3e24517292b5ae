import { m } from '$lib/paraglide/messages.js';
import { boardMeetingKinds, collaborationKinds, cycleMomentKinds, legalForms, noticeUnits, steerings } from '$lib/register/constants';

/**
 * The register's codes as words (the `register` messages). Explicit maps rather than a lookup by the message's
 * name: a page's chunk then holds these messages only, not every message of both languages. Typed by the code
 * lists, so a new code without a word does not compile. An unknown code reads as itself.
 */
type Label = () => string;

const kinds: Record<(typeof collaborationKinds)[number], Label> = {
	licht: m.register_kind_licht,
	gr: m.register_kind_gr,
	convenant: m.register_kind_convenant,
	privaatrecht: m.register_kind_privaatrecht
};

const legalFormWords: Record<(typeof legalForms)[number], Label> = {
	openbaar_lichaam: m.register_legal_openbaar_lichaam,
	gemeenschappelijk_orgaan: m.register_legal_gemeenschappelijk_orgaan,
	centrumgemeente: m.register_legal_centrumgemeente,
	bedrijfsvoeringsorganisatie: m.register_legal_bedrijfsvoeringsorganisatie,
	regeling_zonder_meer: m.register_legal_regeling_zonder_meer,
	convenant: m.register_legal_convenant,
	privaatrechtelijke_overeenkomst: m.register_legal_privaatrechtelijke_overeenkomst,
	privaatrechtelijke_rechtspersoon: m.register_legal_privaatrechtelijke_rechtspersoon
};

const steeringWords: Record<(typeof steerings)[number], Label> = {
	beleidsvoering: m.register_steering_beleidsvoering,
	bedrijfsvoering: m.register_steering_bedrijfsvoering
};

const units: Record<(typeof noticeUnits)[number], Label> = { maanden: m.register_unit_maanden, jaren: m.register_unit_jaren };

const boardWords: Record<(typeof boardMeetingKinds)[number], Label> = { ab: m.register_board_ab, db: m.register_board_db, pho: m.register_board_pho };

const moments: Record<(typeof cycleMomentKinds)[number], Label> = {
	kadernota: m.register_moment_kadernota,
	begroting: m.register_moment_begroting,
	jaarrekening: m.register_moment_jaarrekening,
	zienswijze: m.register_moment_zienswijze,
	evaluatie: m.register_moment_evaluatie
};

/** A board seat (set-seats.ts: `ab`, `db`, `rapporteur`). */
const seats: Record<string, Label> = { ab: m.register_seat_ab, db: m.register_seat_db, rapporteur: m.register_seat_rapporteur };

const label = (words: Record<string, Label>) => (code: string | null | undefined) => (code ? (Object.hasOwn(words, code) ? words[code]() : code) : '');

export const kindLabel = label(kinds);
export const legalFormLabel = label(legalFormWords);
export const steeringLabel = label(steeringWords);
export const unitLabel = label(units);
export const boardLabel = label(boardWords);
export const momentLabel = label(moments);
export const seatLabel = label(seats);

/** A notice term as text ("3 maanden"), or '' when there is none. */
export function noticeText(term: number | null, unit: string | null): string {
	return term === null || !unit ? '' : m.register_notice({ term, unit: unitLabel(unit) });
}
