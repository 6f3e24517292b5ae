import { describe, expect, it } from 'vitest';
import { bpToPercent, centsToInput, formatCents, parseEuroToCents, parsePercentToBp } from '../../../src/lib/agenda/money';

describe('money', () => {
	it.each([
		['400000', 40_000_000],
		['400.000', 40_000_000],
		['€ 400.000,50', 40_000_050],
		['1234,5', 123_450],
		['1234.50', 123_450],
		['1.234.567,89', 123_456_789],
		['0', 0],
		['12,05', 1205]
	])('reads %s as %i cents', (input, cents) => {
		expect(parseEuroToCents(input)).toBe(cents);
	});

	it.each(['', 'abc', '12,345', '1.2.3', '-5', '1,2,3', '12.345,6789'])('refuses %j', (input) => {
		expect(parseEuroToCents(input)).toBeNull();
	});

	it('formats cents as Dutch euros', () => {
		expect(formatCents(40_000_050).replace(/\s/g, ' ')).toBe('€ 400.000,50');
		expect(formatCents(123, 'en')).toBe('€1.23');
	});

	it('writes cents back for an input field', () => {
		expect(centsToInput(40_000_000)).toBe('400000');
		expect(centsToInput(123_405)).toBe('1234,05');
		expect(parseEuroToCents(centsToInput(98_765))).toBe(98_765);
	});

	it('reads percentages into basis points', () => {
		expect(parsePercentToBp('25')).toBe(2500);
		expect(parsePercentToBp('33,33')).toBe(3333);
		expect(parsePercentToBp('12.5 %')).toBe(1250);
		expect(parsePercentToBp('100')).toBe(10_000);
		expect(parsePercentToBp('100,01')).toBeNull();
		expect(parsePercentToBp('x')).toBeNull();
		expect(bpToPercent(3333)).toBe('33,33');
	});
});
