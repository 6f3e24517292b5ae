import { beforeAll, describe, expect, it } from 'vitest';
import { renderHighlightsPdf } from '../../../src/lib/server/modules/meetings/report/pdf';
import type { Highlights } from '../../../src/lib/meetings/highlights';
import { highlightsFixture } from './fixture';
import { readPdf, squash } from '../../fixtures/read-documents';

type Read = Awaited<ReturnType<typeof readPdf>>;

/** The text between two headings, to check that something sits in the right section. */
function section(text: string, from: string, to?: string): string {
	const start = text.indexOf(from);
	expect(start, `section "${from}"`).toBeGreaterThanOrEqual(0);
	const end = to ? text.indexOf(to, start + from.length) : text.length;
	return text.slice(start, end < 0 ? text.length : end);
}

describe('highlights PDF (Dutch)', () => {
	let pdf: Read;
	let bytes: Uint8Array;
	beforeAll(async () => {
		bytes = await renderHighlightsPdf(highlightsFixture(), 'nl');
		pdf = await readPdf(bytes);
	});

	it('is a PDF with title and language in its metadata', () => {
		expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
		expect(pdf.info.Title).toBe('Highlights klankbordgroep – Sessie maart: wonen, groen & zorg');
		expect(pdf.info.Language).toBe('nl-NL');
	});

	it('opens with the title, date and time in Amsterdam time, place, online link and chair', () => {
		expect(pdf.text).toContain('Highlights klankbordgroep – Sessie maart: wonen, groen & zorg');
		expect(pdf.text).toContain('Datum en tijd: dinsdag 11 maart 2025, 19:30–21:30');
		expect(pdf.text).toContain('Plaats: Stadhuis Leiden, Stadhuisplein 1');
		expect(pdf.text).toContain('Online deelnemen: https://meet.example.nl/klankbord-maart');
		expect(pdf.text).toContain('Voorzitter: Marieke Verkenner');
	});

	it('lists attendance per municipality, says when nobody came, and the regional attendees', () => {
		const attendance = section(pdf.text, 'Aanwezigheid', 'Agendapunt 1');
		expect(attendance).toContain('Leiden: Anouk de Vries, Joëlle Bakker');
		expect(attendance).toContain('Oegstgeest: niemand aanwezig');
		expect(attendance).toContain('Zoeterwoude: Eefje Ruïsdael');
		expect(attendance).toContain('Regionaal: Marieke Verkenner');
	});

	it('gives every agenda item in order with ambition, planned and spent time, discussion and decisions', () => {
		const positions = [
			'Agendapunt 1: Regionale woningbouwversnelling',
			'Agendapunt 2: Gezamenlijke aanpak energietransitie',
			'Agendapunt 3: Voorzieningen voor ouderen'
		].map((h) => pdf.text.indexOf(h));
		expect(positions.every((p) => p >= 0)).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
		const first = section(pdf.text, 'Agendapunt 1:', 'Agendapunt 2:');
		expect(first).toContain('Ambitie: Wonen en groen: ambities voor wonen en groen');
		expect(first).toContain('Tijd: 30 min gepland, 33 min besteed');
		expect(first).toContain('Besproken • De bijdrage van € 2,50 per inwoner is besproken; Zoeterwoude vraagt om een evaluatie ná één jaar.');
		expect(first).toContain('Besluiten • Het voorstel gaat in april naar de colleges ter ondertekening.');
	});

	it('shows the temperature check per municipality in words, including who gave none', () => {
		const check = section(pdf.text, 'Temperatuurpeiling', 'Actiepunten');
		expect(check).toContain('Leiden Steunt Anouk de Vries');
		expect(check).toContain('Leiderdorp Steunt onder voorwaarden Chloë van Dijk');
		expect(check).toContain('Oegstgeest niet gepeild');
		expect(check).toContain('Voorschoten Bezwaar Noël Jansen');
		expect(check).toContain('Zoeterwoude Neutraal Eefje Ruïsdael');
		expect(check).toContain('Telling: Steunt: 1 · Steunt onder voorwaarden: 1 · Neutraal: 1 · Bezwaar: 1');
	});

	it('writes action points with owner and a Dutch due date, and the item questions with their council', () => {
		const first = section(pdf.text, 'Agendapunt 1:', 'Agendapunt 2:');
		expect(first).toContain('Kostenverdeling naar rato van inwoners uitwerken Eigenaar: Joëlle Bakker · uiterlijk: 15 april 2025');
		expect(first).toContain('Wil de raad de wensen en bedenkingen vóór de zomer meegeven? Voor: Gemeenteraad Leiden');
		expect(first).toContain('Hoe willen de raden over de voortgang geïnformeerd worden? Voor: Alle raden');
		expect(section(pdf.text, 'Agendapunt 3:', 'Alle actiepunten')).toContain('Geen temperatuurpeiling gehouden.');
	});

	it('summarises all action points with owner and due date, also those without a date', () => {
		const summary = section(pdf.text, 'Alle actiepunten', 'Vragen aan de raden');
		expect(summary).toContain('Kostenverdeling naar rato van inwoners uitwerken Joëlle Bakker 15 april 2025 agendapunt 1');
		expect(summary).toContain('Warmtevisies van de vijf gemeenten naast elkaar leggen Noël Jansen 1 juni 2025 agendapunt 2');
		expect(summary).toContain('Verslag rondsturen aan alle griffies Marieke Verkenner geen datum algemeen');
	});

	it('groups the questions to the councils per council, those for all councils first', () => {
		// The summary after the action points (each item has a part of the same name).
		const questions = section(section(pdf.text, 'Alle actiepunten'), 'Vragen aan de raden', 'Algemene aantekeningen');
		expect(questions).toMatch(/^Vragen aan de raden Alle raden • Hoe willen de raden over de voortgang geïnformeerd worden\? agendapunt 1 Gemeenteraad Leiden/);
		expect(questions).toContain('Gemeenteraad Leiden • Wil de raad de wensen en bedenkingen vóór de zomer meegeven? agendapunt 1');
		expect(questions).toContain('Gemeenteraad Voorschoten • Welke wachtlijsten voor dagbesteding kent Voorschoten? agendapunt 3');
		expect(questions).toContain('Gemeenteraad Zoeterwoude • Kan de griffie van Zoeterwoude de agenda van de raadscommissie delen? algemeen');
	});

	it('ends with the general minutes per kind', () => {
		const general = section(pdf.text, 'Algemene aantekeningen');
		expect(general).toContain('Besproken • De volgende sessie is op 8 april in Oegstgeest.');
		expect(general).toContain('Actiepunt • Verslag rondsturen aan alle griffies Eigenaar: Marieke Verkenner · uiterlijk: geen datum');
	});

	it('runs a long discussion over pages without losing text, with the footer and page numbers on every page', () => {
		expect(pdf.totalPages).toBeGreaterThan(1);
		// The text as it flows, without the footers between the pages.
		const flowing = squash(pdf.pages.map((page) => page.replace(/Gegenereerd op .*? Pagina \d+ van \d+/, '')).join(' '));
		expect(flowing).toContain('Overweging 1: de gemeenten bespreken');
		expect(flowing).toContain('Overweging 45: de gemeenten bespreken hoe de warmtetransitie per wijk wordt gefaseerd');
		pdf.pages.forEach((page, i) => {
			expect(page).toContain(`Pagina ${i + 1} van ${pdf.totalPages}`);
			expect(page).toContain('Gegenereerd op 11 maart 2025 om 22:05');
		});
	});
});

describe('highlights PDF, other cases', () => {
	it('speaks English when asked, labels included', async () => {
		const pdf = await readPdf(await renderHighlightsPdf(highlightsFixture(), 'en'));
		expect(pdf.info.Language).toBe('en-GB');
		expect(pdf.info.Title).toBe('Highlights sounding board session – Sessie maart: wonen, groen & zorg');
		expect(pdf.text).toContain('Date and time: Tuesday, 11 March 2025, 19:30–21:30');
		expect(pdf.text).toContain('Oegstgeest: nobody present');
		expect(pdf.text).toContain('Agenda item 1: Regionale woningbouwversnelling');
		expect(pdf.text).toContain('Leiderdorp Supports with conditions Chloë van Dijk');
		expect(pdf.text).toContain('Voorschoten Objects Noël Jansen');
		expect(pdf.text).toContain('Owner: Joëlle Bakker · due: 15 April 2025');
		expect(pdf.text).toContain('Council of Leiden');
		expect(pdf.text).toContain('All councils');
		expect(pdf.text).toContain('Page 1 of');
		expect(pdf.text).not.toMatch(/Agendapunt|Steunt onder voorwaarden|Eigenaar|Pagina/);
	});

	it('keeps a short session short and explains what is empty', async () => {
		const h: Highlights = { ...highlightsFixture(), general: [] };
		h.items = [{ ...h.items[2], minutes: [] }];
		const pdf = await readPdf(await renderHighlightsPdf(h, 'nl'));
		expect(pdf.totalPages).toBeLessThanOrEqual(2);
		expect(pdf.text).toContain('Besproken Niets vastgelegd.');
		expect(pdf.text).toContain('Er zijn geen actiepunten vastgelegd.');
		expect(pdf.text).toContain('Er zijn geen vragen aan de raden vastgelegd.');
		expect(pdf.text).toContain('Er zijn geen algemene aantekeningen.');
	});

	it('keeps every character as written (the font is embedded, not a standard font)', async () => {
		const h = highlightsFixture();
		h.general = [{ ...h.general[0], body: 'Łódź → plan ✓ π ş en daarna € 5 voor café Zoë' }];
		const pdf = await readPdf(await renderHighlightsPdf(h, 'nl'));
		expect(pdf.text).toContain('Łódź → plan ✓ π ş en daarna € 5 voor café Zoë');
	});
});
