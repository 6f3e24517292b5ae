import { m } from '../paraglide/messages.js';
import type { CostSplitProblem } from './costs';

type Params = Record<string, string | number>;

/**
 * Why a cost split cannot be made, in words: the browser shows it under the live preview. An explicit map of
 * the few problems there are rather than a lookup by the message's name, so the chunk holds these messages only.
 */
const problems: Record<CostSplitProblem, (params: Params) => string> = {
	agenda_costs_invalid_amount: () => m.agenda_costs_invalid_amount(),
	agenda_costs_external_exceeds_total: () => m.agenda_costs_external_exceeds_total(),
	agenda_costs_no_participants: () => m.agenda_costs_no_participants(),
	agenda_costs_no_inhabitants: () => m.agenda_costs_no_inhabitants(),
	agenda_costs_percentages_missing: () => m.agenda_costs_percentages_missing(),
	agenda_costs_percentages_sum: (params) => m.agenda_costs_percentages_sum({ sum: params.sum })
};

export function costProblemText(problem: CostSplitProblem, params: Params = {}): string {
	return problems[problem](params);
}
