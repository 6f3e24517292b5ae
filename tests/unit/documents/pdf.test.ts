import { describe, expect, it } from 'vitest';
import { renderDocx, renderPdf, type Outline } from '../../../src/lib/server/documents';
import { pdfStructure } from '../../fixtures/pdf-structure';
import { readDocx, readPdf } from '../../fixtures/read-documents';

/** An outline with every kind of block; the table runs over several pages. */
function outline(rows = 120): Outline {
	return {
		title: 'Proef Ł ş € ✓ π',
		subject: 'Proef',
		creator: 'Regioportaal Leidse regio',
		language: 'nl-NL',
		createdAt: new Date('2026-03-02T10:00:00Z'),
		footer: 'Voettekst',
		pageLabel: (page, total) => `Pagina ${page} van ${total}`,
		blocks: [
			{ type: 'heading', level: 1, text: 'Proef Ł ş € ✓ π' },
			{ type: 'fields', rows: [{ label: 'Link', value: [{ text: 'het portaal', href: 'https://example.nl/portaal' }] }] },
			{ type: 'paragraph', text: [{ text: 'Vet', bold: true }, { text: ' en gewoon, café Zoë.' }] },
			{ type: 'heading', level: 2, text: 'Lijsten' },
			{ type: 'list', entries: [{ text: 'één', detail: 'toelichting' }, { text: 'twee' }] },
			{ type: 'list', ordered: true, entries: [{ text: 'eerste' }, { text: 'tweede' }] },
			{ type: 'heading', level: 2, text: 'Tabel' },
			{
				type: 'table',
				columns: [
					{ header: 'Gemeente', width: 0.5 },
					{ header: 'Bedrag', width: 0.5 }
				],
				rows: Array.from({ length: rows }, (_, i) => [`Rij ${i + 1}`, `€ ${i},00`])
			}
		]
	};
}

describe('renderPdf (the accessible PDF of any outline)', () => {
	it('tags every block in reading order; a table over pages has one header row in the structure, repeated as an artifact', async () => {
		const bytes = await renderPdf(outline());
		const s = pdfStructure(bytes);
		const pdf = await readPdf(bytes);
		expect(pdf.totalPages).toBeGreaterThan(2);
		expect(s.structTypes.filter((t) => t === 'TH')).toHaveLength(2);
		expect(s.structTypes.filter((t) => t === 'TR')).toHaveLength(121);
		expect(s.structTypes.filter((t) => t === 'L')).toHaveLength(2);
		expect(s.structTypes.filter((t) => t === 'LI')).toHaveLength(4);
		expect(s.links).toEqual([{ uri: 'https://example.nl/portaal', inStructure: true, described: true }]);
		// Each later page shows the header again; a reader gets it once.
		for (const page of pdf.pages.slice(1)) expect(page).toMatch(/^Gemeente Bedrag Rij/);
		expect(pdf.text).toContain('Proef Ł ş € ✓ π');
		expect(pdf.text).toContain('Vet en gewoon, café Zoë.');
		expect(pdf.text).toContain('1. eerste 2. tweede');
		expect(pdf.text).toContain('Rij 120 € 119,00');
	});

	it('keeps the fonts embedded and the text intact when documents follow each other (the parsed fonts are reused)', async () => {
		for (let i = 0; i < 3; i++) {
			const bytes = await renderPdf(outline(3));
			const s = pdfStructure(bytes);
			expect(s.fonts.map((f) => [f.baseFont.replace(/^[A-Z]{6}\+/, ''), f.embedded])).toEqual([
				['DejaVuSans', true],
				['DejaVuSans-Bold', true]
			]);
			expect((await readPdf(bytes)).text).toContain('Proef Ł ş € ✓ π');
		}
	});
});

describe('renderDocx', () => {
	it('writes headings with Word’s styles, numbered and bulleted lists, links as hyperlinks and the language', async () => {
		const doc = await readDocx(await renderDocx(outline(3)));
		expect(doc.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['Proef Ł ş € ✓ π']);
		expect(doc.paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual(['Lijsten', 'Tabel']);
		expect(doc.paragraphs.filter((p) => p.isListItem).map((p) => p.text)).toEqual(['één\ntoelichting', 'twee', 'eerste', 'tweede']);
		expect(doc.document).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"[^>]*>[\s\S]*?het portaal/);
		expect(doc.styles).toContain('<w:lang w:val="nl-NL"/>');
		expect(doc.tables[0].headerRowRepeats).toBe(true);
	});
});
