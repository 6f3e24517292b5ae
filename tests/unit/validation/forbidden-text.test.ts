import { describe, expect, it } from 'vitest';
import { forbiddenTextPaths, hasForbiddenCharacters } from '../../../src/lib/validation/text';
import { parse } from '../../../src/lib/server/validate';
import { ValidationError } from '../../../src/lib/server/errors';
import { z } from 'zod';

describe('characters no text of the portal may hold', () => {
	it.each(['a\u0000b', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b[31m', '\u001f', 'x\ud800', '\udc00x', 'a\ud800\ud800'])('refuses %j', (text) => {
		expect(hasForbiddenCharacters(text)).toBe(true);
	});

	it.each(['gewone tekst', 'regel 1\nregel 2', 'kolom\tkolom', 'windows\r\n', 'café, ‘quotes’ – €', '日本語', '👍🏽 emoji (a surrogate pair)', ''])(
		'accepts %j',
		(text) => {
			expect(hasForbiddenCharacters(text)).toBe(false);
		}
	);

	it('names every field that holds one, keys and nested lists included, and walks no binary data', () => {
		const input = { title: 'a\u0000', ok: 'b', links: [{ url: 'x' }, { title: '\u0007' }], ['k\u0000ey']: 'v', update: new Uint8Array([0, 0, 0]) };
		expect(forbiddenTextPaths(input)).toEqual(['title', 'links.1.title', 'k?ey']);
		expect(forbiddenTextPaths('\u0000')).toEqual(['']);
		expect(forbiddenTextPaths({ n: 1, b: true, d: null })).toEqual([]);
	});
});

describe('parse: the one check before every schema', () => {
	const schema = z.object({ title: z.string().max(200), q: z.string().optional() });

	it('refuses a NUL with a per-field message key, before the schema sees it', () => {
		const err = (() => {
			try {
				parse(schema, { title: 'Titel\u0000' });
			} catch (e) {
				return e;
			}
		})();
		expect(err).toBeInstanceOf(ValidationError);
		expect((err as ValidationError).key).toBe('validation_forbidden_characters');
		expect((err as ValidationError).fields).toEqual({ title: 'validation_forbidden_characters' });
	});

	it('lets ordinary text with newlines and tabs through', () => {
		expect(parse(schema, { title: 'Regel\n\tnog een' })).toEqual({ title: 'Regel\n\tnog een' });
	});
});
