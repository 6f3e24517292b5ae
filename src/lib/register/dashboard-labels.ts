import { m } from '../paraglide/messages.js';

/**
 * The names the dashboard, the half-yearly report and the register's export give the register's codes, in
 * the reader's language (or the document's: pass `locale`). Explicit maps rather than a lookup by name, so
 * a page bundles only these messages.
 */
type Label = (inputs?: Record<string, never>, options?: { locale?: 'nl' | 'en' }) => string;
type Locale = 'nl' | 'en' | undefined;

const momentLabels: Record<string, Label> = {
	kadernota: m.regdash_moment_kadernota,
	begroting: m.regdash_moment_begroting,
	jaarrekening: m.regdash_moment_jaarrekening,
	zienswijze: m.regdash_moment_zienswijze,
	evaluatie: m.regdash_moment_evaluatie,
	ab: m.regdash_moment_ab,
	db: m.regdash_moment_db,
	pho: m.regdash_moment_pho
};

const kindLabels: Record<string, Label> = {
	licht: m.regdash_kind_licht,
	gr: m.regdash_kind_gr,
	convenant: m.regdash_kind_convenant,
	privaatrecht: m.regdash_kind_privaatrecht
};

const legalFormLabels: Record<string, Label> = {
	openbaar_lichaam: m.regdash_legal_openbaar_lichaam,
	gemeenschappelijk_orgaan: m.regdash_legal_gemeenschappelijk_orgaan,
	centrumgemeente: m.regdash_legal_centrumgemeente,
	bedrijfsvoeringsorganisatie: m.regdash_legal_bedrijfsvoeringsorganisatie,
	regeling_zonder_meer: m.regdash_legal_regeling_zonder_meer,
	convenant: m.regdash_legal_convenant,
	privaatrechtelijke_overeenkomst: m.regdash_legal_privaatrechtelijke_overeenkomst,
	privaatrechtelijke_rechtspersoon: m.regdash_legal_privaatrechtelijke_rechtspersoon
};

const steeringLabels: Record<string, Label> = {
	beleidsvoering: m.regdash_steering_beleidsvoering,
	bedrijfsvoering: m.regdash_steering_bedrijfsvoering
};

/** The cost keys, named as the agenda names them. */
const contributionKeyLabels: Record<string, Label> = {
	inwoners: m.agenda_key_inwoners,
	gelijk: m.agenda_key_gelijk,
	maatwerk: m.agenda_key_maatwerk
};

/** The eight weighing criteria in the order the Routekaart names them. */
export const criterionLabels: Record<string, Label> = {
	efficiency: m.regdash_criterion_efficiency,
	effectiviteit: m.regdash_criterion_effectiviteit,
	democratische_legitimiteit: m.regdash_criterion_democratische_legitimiteit,
	politieke_grip: m.regdash_criterion_politieke_grip,
	transparantie: m.regdash_criterion_transparantie,
	eenduidige_orientatie: m.regdash_criterion_eenduidige_orientatie,
	participatie: m.regdash_criterion_participatie,
	kwaliteit: m.regdash_criterion_kwaliteit
};

const labelIn = (labels: Record<string, Label>) => (code: string | null, locale?: Locale) =>
	code === null ? '' : Object.hasOwn(labels, code) ? labels[code]({}, locale ? { locale } : {}) : code;

export const momentLabel = labelIn(momentLabels);
export const kindLabel = labelIn(kindLabels);
export const legalFormLabel = labelIn(legalFormLabels);
export const steeringLabel = labelIn(steeringLabels);
export const criterionLabel = labelIn(criterionLabels);
export const contributionKeyLabel = labelIn(contributionKeyLabels);

/** "24 maanden", "1 maand", "2 jaar"; empty when no notice term is recorded. */
export function noticeLabel(term: number | null, unit: string | null, locale?: Locale): string {
	if (term === null || unit === null) return '';
	const opts = locale ? { locale } : {};
	// One month or year takes the singular ("1 maand"); "jaar" is also the Dutch plural after a number.
	if (unit === 'jaren') return term === 1 ? m.regdash_notice_jaar({ term }, opts) : m.regdash_notice_jaren({ term }, opts);
	return term === 1 ? m.regdash_notice_maand({ term }, opts) : m.regdash_notice_maanden({ term }, opts);
}

/** `2026-H2` in words: "tweede halfjaar 2026". */
export function halfLabel(half: string, locale?: Locale): string {
	const year = half.slice(0, 4);
	const opts = locale ? { locale } : {};
	return half.endsWith('H2') ? m.regdash_half_H2({ year }, opts) : m.regdash_half_H1({ year }, opts);
}
