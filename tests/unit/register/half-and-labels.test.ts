import { describe, expect, it } from 'vitest';
import { halfOf, halfYear, halfSchema, nextHalf } from '../../../src/lib/server/modules/register/report/half';
import { halfLabel, momentLabel, noticeLabel } from '../../../src/lib/register/dashboard-labels';

describe('half years', () => {
	it('names their days, the next one and the one a date falls in', () => {
		expect(halfYear('2026-H2')).toEqual({ half: '2026-H2', year: 2026, from: '2026-07-01', to: '2026-12-31' });
		expect(halfYear('2027-H1')).toEqual({ half: '2027-H1', year: 2027, from: '2027-01-01', to: '2027-06-30' });
		expect([nextHalf('2026-H2'), nextHalf('2027-H1')]).toEqual(['2027-H1', '2027-H2']);
		expect([halfOf('2026-06-30'), halfOf('2026-07-01'), halfOf('2026-12-31')]).toEqual(['2026-H1', '2026-H2', '2026-H2']);
	});

	it('accepts only a year of this century and H1 or H2', () => {
		for (const ok of ['2026-H1', '2099-H2', ' 2026-H2 ']) expect(halfSchema.safeParse(ok).success, ok).toBe(true);
		for (const bad of ['2026-H3', '2026-h2', '1999-H1', '2026H2', '2026-H2x', '', 2026, null])
			expect(halfSchema.safeParse(bad).success, String(bad)).toBe(false);
	});

	it('are said in words, as the notice terms and moments are', () => {
		expect(halfLabel('2026-H2', 'nl')).toBe('tweede halfjaar 2026');
		expect(halfLabel('2027-H1', 'en')).toBe('first half of 2027');
		expect([noticeLabel(1, 'maanden', 'nl'), noticeLabel(24, 'maanden', 'nl'), noticeLabel(1, 'jaren', 'en'), noticeLabel(2, 'jaren', 'en')]).toEqual([
			'1 maand',
			'24 maanden',
			'1 year',
			'2 years'
		]);
		expect(noticeLabel(null, null)).toBe('');
		expect([momentLabel('ab', 'nl'), momentLabel('zienswijze', 'nl'), momentLabel('onbekend', 'nl')]).toEqual([
			'Vergadering algemeen bestuur',
			'Termijn zienswijze',
			'onbekend'
		]);
	});
});
