import { expect } from 'vitest';
import { pdfStructure } from '../../fixtures/pdf-structure';
import { readDocx, readPdf } from '../../fixtures/read-documents';

/** Characters a standard PDF font loses: a Polish L, a Turkish s, the euro, a check mark, pi, Dutch accents. */
export const SPECIAL = 'Ł ş € ✓ π — café Zoë ruïne';

const STANDARD_14 = /^(Helvetica|Times|Courier|Symbol|ZapfDingbats)/;

/**
 * Asserts what every PDF of the portal must be: tagged (MarkInfo Marked, a structure tree with headings),
 * its language and title in the catalog, every font embedded and none of the standard 14, the links as
 * link annotations in Link structure elements. Returns the extracted text and structure for further checks.
 */
export async function expectAccessiblePdf(bytes: Uint8Array, { title, lang, links }: { title: string; lang: string; links: string[] }) {
	const s = pdfStructure(bytes);
	expect(s.marked).toBe(true);
	expect(s.hasStructTreeRoot).toBe(true);
	expect(s.lang).toBe(lang);
	expect(s.displayDocTitle).toBe(true);
	expect(s.pdfUaPart).toBe('1');
	expect(s.structTypes).toContain('Document');
	expect(s.structTypes.filter((t) => t === 'H1')).toHaveLength(1);
	expect(s.structTypes).toContain('H2');
	expect(s.markedContent).toBeGreaterThan(10);
	// Every page's footer and rules are artifacts, outside the reading order.
	expect(s.artifacts).toBeGreaterThan(0);
	expect(s.fonts.length).toBeGreaterThan(0);
	for (const font of s.fonts) {
		expect(font.embedded, `${font.baseFont} embedded`).toBe(true);
		expect(font.baseFont.replace(/^[A-Z]{6}\+/, '')).not.toMatch(STANDARD_14);
	}
	for (const url of links) expect(s.links, url).toContainEqual({ uri: url, inStructure: true, described: true });
	expect(s.structTypes.filter((t) => t === 'Link').length).toBeGreaterThanOrEqual(links.length);
	const pdf = await readPdf(bytes);
	expect(pdf.info.Title).toBe(title);
	expect(pdf.info.Language).toBe(lang);
	return { structure: s, pdf };
}

/** Asserts a Word document's real heading styles, language and title; returns it read back. */
export async function expectAccessibleDocx(bytes: Uint8Array, { title, lang }: { title: string; lang: string }) {
	const doc = await readDocx(bytes);
	expect(doc.styles).toContain('w:styleId="Heading1"');
	expect(doc.styles).toContain('w:styleId="Heading2"');
	expect(doc.styles).toContain(`<w:lang w:val="${lang}"/>`);
	const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	expect(doc.core).toContain(`<dc:title>${escaped}</dc:title>`);
	expect(doc.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([title]);
	expect(doc.paragraphs.some((p) => p.style === 'Heading2')).toBe(true);
	return doc;
}
