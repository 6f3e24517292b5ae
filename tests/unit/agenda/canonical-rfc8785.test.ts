/**
 * canonical.ts is the JSON Canonicalization Scheme of RFC 8785 (JCS) for the JSON the portal stores: these are
 * the RFC's own examples (§3.2.2, §3.2.3 and the number table of Appendix B).
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/lib/agenda/canonical';

const float = (hex: string) => new DataView(new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16))).buffer).getFloat64(0);

describe('RFC 8785 (JCS)', () => {
	it('§3.2.2: the serialisation example (numbers, string escapes, literals)', () => {
		const input = JSON.parse(
			'{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}'
		);
		expect(canonicalJson(input)).toBe(
			'{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}'
		);
	});

	it('§3.2.3: properties sorted by UTF-16 code units', () => {
		const input = JSON.parse(
			'{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control", "\\u00f6": "Latin Small Letter O With Diaeresis"}'
		);
		expect(canonicalJson(input)).toBe(
			'{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}'
		);
	});

	it('Appendix B: IEEE 754 numbers as ECMAScript writes them', () => {
		const table: [string, string][] = [
			['0000000000000000', '0'],
			['8000000000000000', '0'],
			['0000000000000001', '5e-324'],
			['8000000000000001', '-5e-324'],
			['7fefffffffffffff', '1.7976931348623157e+308'],
			['ffefffffffffffff', '-1.7976931348623157e+308'],
			['4340000000000000', '9007199254740992'],
			['c340000000000000', '-9007199254740992'],
			['4430000000000000', '295147905179352830000'],
			['444b1ae4d6e2ef50', '1e+21'],
			['3eb0c6f7a0b5ed8d', '0.000001'],
			['3eb0c6f7a0b5ed8c', '9.999999999999997e-7']
		];
		for (const [hex, out] of table) expect(canonicalJson(float(hex))).toBe(out);
		// NaN and Infinity are not JSON: an error, never a silent "null".
		expect(() => canonicalJson(float('7ff8000000000000'))).toThrow();
		expect(() => canonicalJson(float('7ff0000000000000'))).toThrow();
	});

	it('§3.2.2.2 / I-JSON: a string with a lone surrogate is refused', () => {
		expect(() => canonicalJson({ a: '\ud800' })).toThrow();
		expect(() => canonicalJson({ ['\udc00']: 1 })).toThrow();
		expect(canonicalJson('\ud83d\ude00')).toBe('"\ud83d\ude00"');
	});
});
