import { FULL_SHARE_BP, type Verdeelsleutel } from './constants';

/** A municipality taking part, in municipality order (the order breaks rounding ties). */
export interface CostParticipant {
	municipalityId: string;
	inhabitants: number;
	/** Share in basis points (1 % = 100), used with the verdeelsleutel `maatwerk`. */
	customShareBp?: number | null;
}

export interface ExternalContribution {
	label: string;
	amountCents: number;
}

export interface CostShare {
	municipalityId: string;
	cents: number;
	/** The exact (unrounded) share in basis points of the amount to split, for display. */
	shareBp: number;
}

export interface CostSplit {
	totalCents: number;
	externalCents: number;
	/** What the municipalities pay together: total − external. The shares always add up to exactly this. */
	netCents: number;
	shares: CostShare[];
}

export type CostSplitProblem =
	| 'agenda_costs_invalid_amount'
	| 'agenda_costs_external_exceeds_total'
	| 'agenda_costs_no_participants'
	| 'agenda_costs_no_inhabitants'
	| 'agenda_costs_percentages_missing'
	| 'agenda_costs_percentages_sum';

/** The split cannot be made; `key` is a message key. */
export class CostSplitError extends Error {
	constructor(
		readonly key: CostSplitProblem,
		readonly params: Record<string, string | number> = {}
	) {
		super(key);
	}
}

const isCents = (n: number) => Number.isSafeInteger(n) && n >= 0;

/**
 * Splits (total − external contributions) over the participants by the verdeelsleutel, in whole cents.
 * Largest-remainder rounding: everyone gets the floor of their exact share, the cents left over go to
 * the largest remainders, ties broken by the order of `participants`. The shares always add up exactly.
 */
export function splitCosts(
	totalCents: number,
	external: readonly ExternalContribution[],
	key: Verdeelsleutel,
	participants: readonly CostParticipant[]
): CostSplit {
	if (!isCents(totalCents) || external.some((e) => !isCents(e.amountCents))) {
		throw new CostSplitError('agenda_costs_invalid_amount');
	}
	const externalCents = external.reduce((sum, e) => sum + e.amountCents, 0);
	if (externalCents > 0 && externalCents >= totalCents) {
		throw new CostSplitError('agenda_costs_external_exceeds_total');
	}
	const netCents = totalCents - externalCents;
	const base = { totalCents, externalCents, netCents };
	if (participants.length === 0) {
		if (netCents === 0) return { ...base, shares: [] };
		throw new CostSplitError('agenda_costs_no_participants');
	}

	const weights = weightsFor(key, participants);
	const total = weights.reduce((a, b) => a + b, 0n);
	const net = BigInt(netCents);
	const rows = participants.map((p, index) => {
		const exact = net * weights[index];
		return { municipalityId: p.municipalityId, index, cents: exact / total, remainder: exact % total };
	});
	let left = net - rows.reduce((sum, r) => sum + r.cents, 0n);
	const byRemainder = [...rows].sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
	for (const row of byRemainder) {
		if (left === 0n) break;
		row.cents += 1n;
		left -= 1n;
	}
	return {
		...base,
		shares: rows.map((r) => ({
			municipalityId: r.municipalityId,
			cents: Number(r.cents),
			shareBp: Number((weights[r.index] * BigInt(FULL_SHARE_BP) * 100n) / total) / 100
		}))
	};
}

function weightsFor(key: Verdeelsleutel, participants: readonly CostParticipant[]): bigint[] {
	if (key === 'gelijk') return participants.map(() => 1n);
	if (key === 'inwoners') {
		if (participants.some((p) => !Number.isSafeInteger(p.inhabitants) || p.inhabitants < 0)) {
			throw new CostSplitError('agenda_costs_no_inhabitants');
		}
		const weights = participants.map((p) => BigInt(p.inhabitants));
		if (weights.every((w) => w === 0n)) throw new CostSplitError('agenda_costs_no_inhabitants');
		return weights;
	}
	const shares = participants.map((p) => p.customShareBp);
	if (shares.some((s) => s == null || !Number.isInteger(s) || s < 0 || s > FULL_SHARE_BP)) {
		throw new CostSplitError('agenda_costs_percentages_missing');
	}
	const sum = shares.reduce<number>((a, b) => a + (b as number), 0);
	if (sum !== FULL_SHARE_BP) throw new CostSplitError('agenda_costs_percentages_sum', { sum: sum / 100 });
	return shares.map((s) => BigInt(s as number));
}

/** The same split, or the problem that prevents it: for pages that show the table or explain why not. */
export function trySplitCosts(
	...args: Parameters<typeof splitCosts>
): { ok: true; split: CostSplit } | { ok: false; key: CostSplitProblem; params: Record<string, string | number> } {
	try {
		return { ok: true, split: splitCosts(...args) };
	} catch (err) {
		if (err instanceof CostSplitError) return { ok: false, key: err.key, params: err.params };
		throw err;
	}
}
