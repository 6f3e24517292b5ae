import { beforeAll, describe, expect, it } from 'vitest';
import { renderHighlightsDocx } from '../../../src/lib/server/modules/meetings/report/docx';
import { highlightsFixture, LONG_DISCUSSION } from './fixture';
import { readDocx, squash } from '../../fixtures/read-documents';

type Read = Awaited<ReturnType<typeof readDocx>>;

const texts = (doc: Read, style: string) => doc.paragraphs.filter((p) => p.style === style).map((p) => p.text);
const listItems = (doc: Read) => doc.paragraphs.filter((p) => p.isListItem).map((p) => p.text);
const tableWithHeader = (doc: Read, ...header: string[]) => doc.tables.filter((t) => t.rows[0]?.join('|') === header.join('|'));

describe('highlights DOCX (Dutch)', () => {
	let doc: Read;
	let bytes: Uint8Array;
	beforeAll(async () => {
		bytes = await renderHighlightsDocx(highlightsFixture(), 'nl');
		doc = await readDocx(bytes);
	});

	it('is a Word package with the title in its properties and Dutch as proofing language', () => {
		expect(new TextDecoder().decode(bytes.slice(0, 2))).toBe('PK');
		expect(doc.core).toContain('<dc:title>Highlights klankbordgroep – Sessie maart: wonen, groen &amp; zorg</dc:title>');
		expect(doc.styles).toMatch(/<w:lang w:val="nl-NL"\/>/);
	});

	it('uses Word’s own heading styles: the title as Heading1, sections and items as Heading2, parts as Heading3', () => {
		expect(doc.styles).toContain('w:styleId="Heading1"');
		expect(doc.styles).toContain('w:styleId="Heading2"');
		expect(texts(doc, 'Heading1')).toEqual(['Highlights klankbordgroep – Sessie maart: wonen, groen & zorg']);
		expect(texts(doc, 'Heading2')).toEqual([
			'Aanwezigheid',
			'Agendapunt 1: Regionale woningbouwversnelling',
			'Agendapunt 2: Gezamenlijke aanpak energietransitie',
			'Agendapunt 3: Voorzieningen voor ouderen',
			'Alle actiepunten',
			'Vragen aan de raden',
			'Algemene aantekeningen'
		]);
		expect(texts(doc, 'Heading3')).toEqual(
			expect.arrayContaining(['Besproken', 'Besluiten', 'Temperatuurpeiling', 'Actiepunten', 'Vragen aan de raden', 'Alle raden', 'Gemeenteraad Leiden'])
		);
	});

	it('writes date, place, chair and attendance as labelled lines', () => {
		const plain = doc.paragraphs.map((p) => p.text);
		expect(plain).toContain('Datum en tijd: dinsdag 11 maart 2025, 19:30–21:30');
		expect(plain).toContain('Plaats: Stadhuis Leiden, Stadhuisplein 1');
		expect(plain).toContain('Online deelnemen: https://meet.example.nl/klankbord-maart');
		expect(plain).toContain('Voorzitter: Marieke Verkenner');
		expect(plain).toContain('Oegstgeest: niemand aanwezig');
		expect(plain).toContain('Leiden: Anouk de Vries, Joëlle Bakker');
		expect(plain).toContain('Tijd: 30 min gepland, 33 min besteed');
	});

	it('puts the temperature check in a real table with a repeating header row, one row per municipality, in words', () => {
		const [first, second] = tableWithHeader(doc, 'Gemeente', 'Temperatuur', 'Gegeven door');
		expect(first.headerRowRepeats).toBe(true);
		expect(first.rows.slice(1)).toEqual([
			['Leiden', 'Steunt', 'Anouk de Vries'],
			['Leiderdorp', 'Steunt onder voorwaarden', 'Chloë van Dijk'],
			['Oegstgeest', 'niet gepeild', ''],
			['Voorschoten', 'Bezwaar', 'Noël Jansen'],
			['Zoeterwoude', 'Neutraal', 'Eefje Ruïsdael']
		]);
		expect(second.rows).toHaveLength(6);
	});

	it('lists discussion, decisions, action points (owner, Dutch due date) and questions as Word list items', () => {
		const items = listItems(doc);
		expect(items).toContain('De bijdrage van € 2,50 per inwoner is besproken; Zoeterwoude vraagt om een evaluatie ná één jaar.');
		expect(items).toContain('Het voorstel gaat in april naar de colleges ter ondertekening.');
		expect(items).toContain('Kostenverdeling naar rato van inwoners uitwerken\nEigenaar: Joëlle Bakker · uiterlijk: 15 april 2025');
		expect(items).toContain('Wil de raad de wensen en bedenkingen vóór de zomer meegeven?\nVoor: Gemeenteraad Leiden');
		expect(items).toContain('Hoe willen de raden over de voortgang geïnformeerd worden?\nagendapunt 1');
		expect(items).toContain(LONG_DISCUSSION);
	});

	it('summarises all action points in a table with owner and due date', () => {
		const [actions] = tableWithHeader(doc, 'Actiepunt', 'Eigenaar', 'Uiterlijk', 'Bij');
		expect(actions.rows.slice(1)).toEqual([
			['Kostenverdeling naar rato van inwoners uitwerken', 'Joëlle Bakker', '15 april 2025', 'agendapunt 1'],
			['Warmtevisies van de vijf gemeenten naast elkaar leggen', 'Noël Jansen', '1 juni 2025', 'agendapunt 2'],
			['Verslag rondsturen aan alle griffies', 'Marieke Verkenner', 'geen datum', 'algemeen']
		]);
	});

	it('groups the questions per council under their own headings', () => {
		// The summary after the items (each item has a part of the same name).
		const start = doc.paragraphs.findLastIndex((p) => p.text === 'Vragen aan de raden');
		const rest = doc.paragraphs.slice(start).map((p) => `${p.style ?? ''}|${p.text}`);
		expect(rest.slice(1, 7)).toEqual([
			'Heading3|Alle raden',
			'ListParagraph|Hoe willen de raden over de voortgang geïnformeerd worden?\nagendapunt 1',
			'Heading3|Gemeenteraad Leiden',
			'ListParagraph|Wil de raad de wensen en bedenkingen vóór de zomer meegeven?\nagendapunt 1',
			'Heading3|Gemeenteraad Voorschoten',
			'ListParagraph|Welke wachtlijsten voor dagbesteding kent Voorschoten?\nagendapunt 3'
		]);
	});

	it('has a footer with the generated-at line and Word page fields', () => {
		const footer = squash(doc.footers.join(' '));
		expect(footer).toContain('Gegenereerd op 11 maart 2025 om 22:05');
		expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
		expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
	});
});

describe('highlights DOCX (English)', () => {
	it('uses English labels and proofing language', async () => {
		const doc = await readDocx(await renderHighlightsDocx(highlightsFixture(), 'en'));
		expect(doc.styles).toMatch(/<w:lang w:val="en-GB"\/>/);
		expect(texts(doc, 'Heading1')).toEqual(['Highlights sounding board session – Sessie maart: wonen, groen & zorg']);
		expect(texts(doc, 'Heading2')).toContain('Agenda item 1: Regionale woningbouwversnelling');
		const [temperature] = tableWithHeader(doc, 'Municipality', 'Temperature', 'Given by');
		expect(temperature.rows[2]).toEqual(['Leiderdorp', 'Supports with conditions', 'Chloë van Dijk']);
		expect(listItems(doc)).toContain('Kostenverdeling naar rato van inwoners uitwerken\nOwner: Joëlle Bakker · due: 15 April 2025');
		expect(doc.document).not.toMatch(/Agendapunt|Steunt|Eigenaar/);
	});
});
