import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/lib/agenda/canonical';
import { freeze, sha256Hex, verifyContent } from '../../../src/lib/server/modules/agenda-items/content';

describe('canonical JSON and SHA-256', () => {
	it('sorts keys at every depth and leaves out whitespace', () => {
		expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
	});

	it('gives the same string (and hash) for the same content in any key order', () => {
		const one = { title: 'Woningbouw', tags: ['wonen', 'groen'], costs: { total: 1, ext: 2 } };
		const two = { costs: { ext: 2, total: 1 }, tags: ['wonen', 'groen'], title: 'Woningbouw' };
		expect(canonicalJson(one)).toBe(canonicalJson(two));
		expect(sha256Hex(canonicalJson(one))).toBe(sha256Hex(canonicalJson(two)));
	});

	it('keeps array order (it carries meaning) and treats different content as different', () => {
		expect(canonicalJson(['a', 'b'])).not.toBe(canonicalJson(['b', 'a']));
		expect(sha256Hex(canonicalJson({ a: 1 }))).not.toBe(sha256Hex(canonicalJson({ a: 2 })));
	});

	it('drops undefined members, escapes strings as JSON does, keeps non-ASCII as is', () => {
		expect(canonicalJson({ a: undefined, b: 'één "twee"\n' })).toBe('{"b":"één \\"twee\\"\\n"}');
	});

	it('refuses what JSON cannot hold faithfully', () => {
		expect(() => canonicalJson({ d: new Date() })).toThrow();
		expect(() => canonicalJson({ n: Number.NaN })).toThrow();
		expect(() => canonicalJson({ n: Infinity })).toThrow();
		const cyclic: Record<string, unknown> = {};
		cyclic.self = cyclic;
		expect(() => canonicalJson(cyclic)).toThrow();
	});

	it('hashes UTF-8 bytes to lower-case hex (known vector)', () => {
		expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});

	it('detects tampering with stored content', () => {
		const { canonical, hash } = freeze({ title: 'x' } as never);
		expect(verifyContent(canonical, hash)).toBe(true);
		expect(verifyContent(canonical.replace('x', 'y'), hash)).toBe(false);
	});
});
