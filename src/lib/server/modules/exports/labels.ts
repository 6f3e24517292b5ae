import { m } from '../../../paraglide/messages.js';
import type { Horizon, ItemStatus, Verdeelsleutel } from '../../../agenda/constants';
import type { CouncilOutcome, PositionKind, SignOffDecision } from '../../../decisions/constants';

/** The language of a file: the reader's, so an English reader gets English headers and values. */
export type ExportLocale = 'nl' | 'en';

type Message = (inputs?: Record<string, never>, options?: { locale?: ExportLocale }) => string;

/** The same names the pages use (messages/agenda, messages/decisions), in the file's language. */
const statusMessages: Record<ItemStatus, Message> = {
	concept: m.agenda_status_concept,
	in_bespreking: m.agenda_status_in_bespreking,
	gereed_voor_besluitvorming: m.agenda_status_gereed_voor_besluitvorming,
	vastgesteld: m.agenda_status_vastgesteld,
	afgewezen: m.agenda_status_afgewezen,
	in_uitvoering: m.agenda_status_in_uitvoering,
	afgerond: m.agenda_status_afgerond
};
const horizonMessages: Record<Horizon, Message> = {
	voor_verkiezingen: m.agenda_horizon_voor_verkiezingen,
	na_verkiezingen: m.agenda_horizon_na_verkiezingen
};
const keyMessages: Record<Verdeelsleutel, Message> = { inwoners: m.agenda_key_inwoners, gelijk: m.agenda_key_gelijk, maatwerk: m.agenda_key_maatwerk };
const positionMessages: Record<PositionKind, Message> = {
	steunt: m.decisions_position_steunt,
	steunt_onder_voorwaarden: m.decisions_position_steunt_onder_voorwaarden,
	neutraal: m.decisions_position_neutraal,
	nog_geen_standpunt: m.decisions_position_nog_geen_standpunt,
	bezwaar: m.decisions_position_bezwaar,
	neemt_niet_deel: m.decisions_position_neemt_niet_deel
};
const decisionMessages: Record<SignOffDecision, Message> = {
	akkoord: m.decisions_decision_akkoord,
	akkoord_onder_voorwaarden: m.decisions_decision_akkoord_onder_voorwaarden,
	niet_akkoord: m.decisions_decision_niet_akkoord
};
const outcomeMessages: Record<CouncilOutcome, Message> = {
	ingestemd: m.decisions_outcome_ingestemd,
	wensen_en_bedenkingen: m.decisions_outcome_wensen_en_bedenkingen,
	verworpen: m.decisions_outcome_verworpen,
	niet_van_toepassing: m.decisions_outcome_niet_van_toepassing
};
const levelMessages: Record<string, Message> = {
	consensus: m.decisions_consensus_consensus,
	near: m.decisions_consensus_near,
	open: m.decisions_consensus_open,
	blocked: m.decisions_consensus_blocked
};

const labelFrom =
	<K extends string>(messages: Record<K, Message>) =>
	(value: K | string, locale: ExportLocale): string =>
		(messages as Record<string, Message | undefined>)[value]?.({}, { locale }) ?? value;

export const statusLabel = labelFrom(statusMessages);
export const horizonLabel = labelFrom(horizonMessages);
export const keyLabel = labelFrom(keyMessages);
export const positionLabel = labelFrom(positionMessages);
export const decisionLabel = labelFrom(decisionMessages);
export const outcomeLabel = labelFrom(outcomeMessages);
export const consensusLevelLabel = labelFrom(levelMessages);
