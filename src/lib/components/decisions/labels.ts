import { m } from '$lib/paraglide/messages.js';
import type { CouncilOutcome, PositionKind, SignOffDecision, VoidReason } from '$lib/decisions/constants';

/** Label and icon per position: the icon is decorative, the label always shown (never colour alone). */
export const positionLabel = (p: PositionKind | null): string =>
	({
		steunt: m.decisions_position_steunt(),
		steunt_onder_voorwaarden: m.decisions_position_steunt_onder_voorwaarden(),
		neutraal: m.decisions_position_neutraal(),
		nog_geen_standpunt: m.decisions_position_nog_geen_standpunt(),
		bezwaar: m.decisions_position_bezwaar(),
		neemt_niet_deel: m.decisions_position_neemt_niet_deel()
	})[p ?? 'nog_geen_standpunt'];

export const positionIcon = (p: PositionKind | null): string =>
	({ steunt: '✔', steunt_onder_voorwaarden: '✔*', neutraal: '○', nog_geen_standpunt: '…', bezwaar: '✖', neemt_niet_deel: '—' })[p ?? 'nog_geen_standpunt'];

export const decisionLabel = (d: SignOffDecision): string =>
	({
		akkoord: m.decisions_decision_akkoord(),
		akkoord_onder_voorwaarden: m.decisions_decision_akkoord_onder_voorwaarden(),
		niet_akkoord: m.decisions_decision_niet_akkoord()
	})[d];

export const outcomeLabel = (o: CouncilOutcome): string =>
	({
		ingestemd: m.decisions_outcome_ingestemd(),
		wensen_en_bedenkingen: m.decisions_outcome_wensen_en_bedenkingen(),
		verworpen: m.decisions_outcome_verworpen(),
		niet_van_toepassing: m.decisions_outcome_niet_van_toepassing()
	})[o];

export const voidLabel = (r: VoidReason): string =>
	({ reopened: m.decisions_void_reopened(), edited: m.decisions_void_edited(), niet_akkoord: m.decisions_void_niet_akkoord() })[r];
