import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../src/lib/server/modules/meetings/report/pdf-text';

describe('text for the standard PDF font', () => {
	it('keeps Dutch letters, the euro sign and typographic punctuation as they are', () => {
		expect(pdfText('Café één ruïne Zoë – € 12,50 · ‘a’ “b” …')).toBe('Café één ruïne Zoë – € 12,50 · ‘a’ “b” …');
	});

	it('composes decomposed accents so they can be drawn', () => {
		expect(pdfText('Zoe\u0308 cafe\u0301')).toBe('Zoë café');
	});

	it('maps what Helvetica cannot draw to the nearest text, or a question mark', () => {
		expect(pdfText('ĳs Łódź ő → 😀')).toBe('ijs Lódz o -> ?');
	});

	it('normalises line ends and tabs', () => {
		expect(pdfText('a\r\nb\rc\td')).toBe('a\nb\nc d');
	});
});
