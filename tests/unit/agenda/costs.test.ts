import { describe, expect, it } from 'vitest';
import { CostSplitError, splitCosts, trySplitCosts, type CostParticipant } from '../../../src/lib/agenda/costs';

const region: CostParticipant[] = [
	{ municipalityId: 'leiden', inhabitants: 128_000 },
	{ municipalityId: 'leiderdorp', inhabitants: 28_000 },
	{ municipalityId: 'oegstgeest', inhabitants: 26_000 },
	{ municipalityId: 'voorschoten', inhabitants: 26_000 },
	{ municipalityId: 'zoeterwoude', inhabitants: 9_000 }
];
const sum = (shares: { cents: number }[]) => shares.reduce((s, x) => s + x.cents, 0);
const cents = (split: { shares: { municipalityId: string; cents: number }[] }) => Object.fromEntries(split.shares.map((s) => [s.municipalityId, s.cents]));

function problem(fn: () => unknown): string {
	try {
		fn();
	} catch (err) {
		if (err instanceof CostSplitError) return err.key;
		throw err;
	}
	throw new Error('expected a CostSplitError');
}

describe('splitCosts', () => {
	it('splits the Toekomstvisie project (EUR 400,000 by inhabitants, EUR 100,000 from the province)', () => {
		const split = splitCosts(40_000_000, [{ label: 'Provincie Zuid-Holland', amountCents: 10_000_000 }], 'inwoners', region);
		expect(split.netCents).toBe(30_000_000);
		expect(sum(split.shares)).toBe(30_000_000);
		// exact shares: 17,695,852.53 · 3,870,967.74 · 3,594,470.05 · 3,594,470.05 · 1,244,239.63;
		// the floors leave 2 cents, which go to the largest remainders (.74 Leiderdorp, .63 Zoeterwoude)
		expect(cents(split)).toEqual({
			leiden: 17_695_852,
			leiderdorp: 3_870_968,
			oegstgeest: 3_594_470,
			voorschoten: 3_594_470,
			zoeterwoude: 1_244_240
		});
	});

	it('always adds up exactly, for many awkward totals and weights', () => {
		let seed = 7;
		const rnd = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
		for (let i = 0; i < 2000; i++) {
			const parts = region.slice(0, 1 + rnd(5)).map((p) => ({ ...p, inhabitants: rnd(200_000) }));
			if (parts.every((p) => p.inhabitants === 0)) parts[0].inhabitants = 1;
			const total = rnd(1_000_000_000);
			const external = rnd(3) === 0 ? [{ label: 'x', amountCents: rnd(Math.max(1, total)) }] : [];
			for (const key of ['inwoners', 'gelijk'] as const) {
				const r = trySplitCosts(total, external, key, parts);
				if (!r.ok) {
					expect(r.key).toBe('agenda_costs_external_exceeds_total');
					continue;
				}
				expect(sum(r.split.shares)).toBe(r.split.netCents);
				for (const s of r.split.shares) expect(Number.isInteger(s.cents) && s.cents >= 0).toBe(true);
			}
		}
	});

	it('is exact for amounts beyond 2^53 / inhabitants (big integers inside)', () => {
		const split = splitCosts(999_999_999_999, [], 'inwoners', region);
		expect(sum(split.shares)).toBe(999_999_999_999);
	});

	it('gives equal parts and hands the left-over cents out in municipality order', () => {
		const split = splitCosts(100, [], 'gelijk', region.slice(0, 3));
		expect(split.shares.map((s) => s.cents)).toEqual([34, 33, 33]);
		const two = splitCosts(101, [], 'gelijk', [region[2], region[0]]);
		// ties are broken by the order given, not by name
		expect(two.shares).toEqual([
			{ municipalityId: 'oegstgeest', cents: 51, shareBp: 5000 },
			{ municipalityId: 'leiden', cents: 50, shareBp: 5000 }
		]);
	});

	it('gives everything to a single participant', () => {
		for (const key of ['inwoners', 'gelijk'] as const) {
			expect(splitCosts(12_345, [], key, [region[4]]).shares).toEqual([{ municipalityId: 'zoeterwoude', cents: 12_345, shareBp: 10_000 }]);
		}
		expect(splitCosts(12_345, [], 'maatwerk', [{ ...region[4], customShareBp: 10_000 }]).shares[0].cents).toBe(12_345);
	});

	it('gives nothing to a municipality with zero inhabitants', () => {
		const split = splitCosts(1000, [], 'inwoners', [region[0], { municipalityId: 'leiderdorp', inhabitants: 0 }]);
		expect(cents(split)).toEqual({ leiden: 1000, leiderdorp: 0 });
	});

	it('refuses to split by inhabitants when nobody has any', () => {
		const zero = region.map((p) => ({ ...p, inhabitants: 0 }));
		expect(problem(() => splitCosts(1000, [], 'inwoners', zero))).toBe('agenda_costs_no_inhabitants');
	});

	it('splits by custom percentages (basis points) with largest remainders', () => {
		const parts = [
			{ ...region[0], customShareBp: 3333 },
			{ ...region[1], customShareBp: 3333 },
			{ ...region[2], customShareBp: 3334 }
		];
		const split = splitCosts(100, [], 'maatwerk', parts);
		expect(split.shares.map((s) => s.cents)).toEqual([33, 33, 34]);
		expect(sum(splitCosts(1_000_001, [], 'maatwerk', parts).shares)).toBe(1_000_001);
	});

	it('refuses percentages that do not add up to 100 %', () => {
		const parts = [
			{ ...region[0], customShareBp: 5000 },
			{ ...region[1], customShareBp: 4000 }
		];
		expect(problem(() => splitCosts(100, [], 'maatwerk', parts))).toBe('agenda_costs_percentages_sum');
		const over = [
			{ ...region[0], customShareBp: 6000 },
			{ ...region[1], customShareBp: 6000 }
		];
		const r = trySplitCosts(100, [], 'maatwerk', over);
		expect(r).toEqual({ ok: false, key: 'agenda_costs_percentages_sum', params: { sum: 120 } });
	});

	it('refuses a participant without a percentage under maatwerk', () => {
		expect(problem(() => splitCosts(100, [], 'maatwerk', [{ ...region[0], customShareBp: 10_000 }, region[1]]))).toBe('agenda_costs_percentages_missing');
	});

	it('refuses external contributions that cover the whole total or more', () => {
		expect(problem(() => splitCosts(1000, [{ label: 'Provincie', amountCents: 1000 }], 'gelijk', region))).toBe('agenda_costs_external_exceeds_total');
		expect(
			problem(() =>
				splitCosts(
					1000,
					[
						{ label: 'a', amountCents: 600 },
						{ label: 'b', amountCents: 600 }
					],
					'gelijk',
					region
				)
			)
		).toBe('agenda_costs_external_exceeds_total');
	});

	it('refuses negative or fractional amounts', () => {
		expect(problem(() => splitCosts(-1, [], 'gelijk', region))).toBe('agenda_costs_invalid_amount');
		expect(problem(() => splitCosts(10.5, [], 'gelijk', region))).toBe('agenda_costs_invalid_amount');
		expect(problem(() => splitCosts(10, [{ label: 'x', amountCents: -5 }], 'gelijk', region))).toBe('agenda_costs_invalid_amount');
	});

	it('needs participants only when there is something to split', () => {
		expect(splitCosts(0, [], 'inwoners', []).shares).toEqual([]);
		expect(problem(() => splitCosts(100, [], 'inwoners', []))).toBe('agenda_costs_no_participants');
	});

	it('splits a zero total into zeros', () => {
		expect(splitCosts(0, [], 'inwoners', region).shares.every((s) => s.cents === 0)).toBe(true);
	});
});
