import { m } from '../../../paraglide/messages.js';
import type { ItemStatus, Verdeelsleutel } from '../../../agenda/constants';
import type { CostSplitProblem } from '../../../agenda/costs';
import type { CouncilOutcome, SignOffDecision } from '../../../decisions/constants';
import type { DocumentLocale } from '../../documents/format';

// The portal's own words for statuses, decisions and keys, in the document's language.

export function statusLabel(status: ItemStatus, locale: DocumentLocale): string {
	const labels: Record<ItemStatus, () => string> = {
		concept: () => m.agenda_status_concept({}, { locale }),
		in_bespreking: () => m.agenda_status_in_bespreking({}, { locale }),
		gereed_voor_besluitvorming: () => m.agenda_status_gereed_voor_besluitvorming({}, { locale }),
		vastgesteld: () => m.agenda_status_vastgesteld({}, { locale }),
		afgewezen: () => m.agenda_status_afgewezen({}, { locale }),
		in_uitvoering: () => m.agenda_status_in_uitvoering({}, { locale }),
		afgerond: () => m.agenda_status_afgerond({}, { locale })
	};
	return labels[status]();
}

export function decisionLabel(decision: SignOffDecision, locale: DocumentLocale): string {
	const labels: Record<SignOffDecision, () => string> = {
		akkoord: () => m.decisions_decision_akkoord({}, { locale }),
		akkoord_onder_voorwaarden: () => m.decisions_decision_akkoord_onder_voorwaarden({}, { locale }),
		niet_akkoord: () => m.decisions_decision_niet_akkoord({}, { locale })
	};
	return labels[decision]();
}

export function outcomeLabel(outcome: CouncilOutcome, locale: DocumentLocale): string {
	const labels: Record<CouncilOutcome, () => string> = {
		ingestemd: () => m.decisions_outcome_ingestemd({}, { locale }),
		wensen_en_bedenkingen: () => m.decisions_outcome_wensen_en_bedenkingen({}, { locale }),
		verworpen: () => m.decisions_outcome_verworpen({}, { locale }),
		niet_van_toepassing: () => m.decisions_outcome_niet_van_toepassing({}, { locale })
	};
	return labels[outcome]();
}

export function keyLabel(key: Verdeelsleutel, locale: DocumentLocale): string {
	const labels: Record<Verdeelsleutel, () => string> = {
		inwoners: () => m.agenda_key_inwoners({}, { locale }),
		gelijk: () => m.agenda_key_gelijk({}, { locale }),
		maatwerk: () => m.agenda_key_maatwerk({}, { locale })
	};
	return labels[key]?.() ?? key;
}

export function costProblem(key: CostSplitProblem, params: Record<string, string | number>, locale: DocumentLocale): string {
	const labels: Record<CostSplitProblem, () => string> = {
		agenda_costs_invalid_amount: () => m.agenda_costs_invalid_amount({}, { locale }),
		agenda_costs_external_exceeds_total: () => m.agenda_costs_external_exceeds_total({}, { locale }),
		agenda_costs_no_participants: () => m.agenda_costs_no_participants({}, { locale }),
		agenda_costs_no_inhabitants: () => m.agenda_costs_no_inhabitants({}, { locale }),
		agenda_costs_percentages_missing: () => m.agenda_costs_percentages_missing({}, { locale }),
		agenda_costs_percentages_sum: () => m.agenda_costs_percentages_sum({ sum: params.sum ?? '' }, { locale })
	};
	return labels[key]();
}
