import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { squash } from '../../fixtures/read-documents';
import { agendaItems } from '../../../src/lib/server/db/schema';
import { transitionItem, updateItemFields } from '../../../src/lib/server/modules/agenda-items';
import { frozenVersion, recordCouncilDecision, recordSignOff, reportProgress } from '../../../src/lib/server/modules/decisions';
import * as documents from '../../../src/lib/server/modules/documents';
import { DomainError } from '../../../src/lib/server/errors';
import { newItem, rejection } from '../agenda/helpers';
import { sessionConfirmed, signInput } from '../decisions/helpers';
import { expectAccessibleDocx, expectAccessiblePdf, SPECIAL } from './helpers';

let t: TestDb;
let verkenner: NewUser;
let reader: NewUser;
const college: Record<string, NewUser> = {};
let griffie: NewUser;
const ORIGIN = 'https://regioportaal.test';
const NOW = new Date('2026-03-02T10:00:00Z');
const TITLE = `Gedeelde inkoop ${SPECIAL}`;
const PLAN = 'https://example.nl/plan-ł';
const participants = ['leiden', 'oegstgeest', 'zoeterwoude'];

beforeAll(async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]], { name: 'Vera Verkenner' });
	reader = await newUser(t.db, [['meelezer', 'voorschoten']], { name: 'Mees Meelezer' });
	for (const m of participants) college[m] = await newUser(t.db, [['collegelid', m]], { name: `Wethouder ${m}` });
	griffie = await newUser(t.db, [['griffie', 'leiden']], { name: 'Griet Griffie' });
});
afterAll(() => destroy(t));

/** An item with a rich text, costs split by inhabitants, a document link, in which three municipalities take part. */
async function richItem(title = TITLE): Promise<string> {
	const id = await newItem(t.db, verkenner.actor, { title, trekkerId: 'leiden' });
	await updateItemFields(
		t.db,
		verkenner.actor,
		{
			itemId: id,
			revision: 1,
			summary: `Samen inkopen; ${SPECIAL}.`,
			participants: participants.map((municipalityId) => ({ municipalityId })),
			costEstimateCents: 163_000_00,
			verdeelsleutel: 'inwoners',
			contributions: [{ label: 'Provincie', amountCents: 10_000_00 }],
			links: [{ title: 'Raadsvoorstel', url: 'https://example.nl/raadsvoorstel', kenmerk: 'Z/26/100' }]
		},
		testOrigin
	);
	// What the co-editing module stores when the text is typed.
	await t.db
		.update(agendaItems)
		.set({
			descriptionHtml: `<h2>Aanpak</h2><p>Eerst <strong>Leiden</strong>, zie <a href="${PLAN}">het plan</a>.</p><ul><li>stap één ✓</li><li>stap twee π</li></ul>`,
			descriptionText: 'Aanpak\n\nEerst Leiden, zie het plan.\n\n- stap één ✓\n- stap twee π',
			meerwaardeHtml: '<p>Eén aanbesteding in plaats van vijf.</p>',
			meerwaardeText: 'Eén aanbesteding in plaats van vijf.'
		})
		.where(eq(agendaItems.id, id));
	return id;
}

async function toDecision(id: string) {
	await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'concept', to: 'in_bespreking' }, testOrigin);
	await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, testOrigin);
	const frozen = await frozenVersion(t.db, id);
	if (!frozen) throw new Error('no frozen version');
	return frozen;
}

const sign = (m: string, id: string, frozen: { number: number; contentHash: string }) =>
	recordSignOff(t.db, college[m].actor, sessionConfirmed(), signInput(id, m, frozen, { kenmerk: `Z/26/${m}-ł` }), testOrigin);

const file = (id: string, query: Record<string, string>, who = reader) =>
	documents.itemBriefFile(t.db, who.actor, id, query, { locale: 'nl', origin: ORIGIN, now: NOW });

describe('raadsinformatiebrief', () => {
	it('an adopted item for Leiden: the signed version with hash, Leiden’s costs, every decision, a link back — as an accessible PDF', async () => {
		const id = await richItem();
		const frozen = await toDecision(id);
		for (const m of participants) await sign(m, id, frozen);
		await recordCouncilDecision(
			t.db,
			griffie.actor,
			{
				itemId: id,
				municipalityId: 'leiden',
				meetingDate: '2026-02-26',
				outcome: 'wensen_en_bedenkingen',
				wensenEnBedenkingen: 'Houd de kosten € 2,50 per inwoner.',
				kenmerk: 'RB/26/π'
			},
			testOrigin
		);
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'vastgesteld', to: 'in_uitvoering' }, testOrigin);
		await reportProgress(t.db, verkenner.actor, { itemId: id, percent: 40, note: 'Eerste fase klaar' }, testOrigin);

		const got = await file(id, { gemeente: 'leiden', formaat: 'pdf' });
		expect(got.type).toBe('application/pdf');
		expect(got.filename).toBe('raadsinformatiebrief-leiden-gedeelde-inkoop-l-s-cafe-zoe-ruine.pdf');
		const title = `Raadsinformatiebrief Leiden: ${TITLE}`;
		const itemUrl = `${ORIGIN}/agenda/${id}`;
		const { pdf, structure } = await expectAccessiblePdf(got.bytes, {
			title,
			lang: 'nl-NL',
			links: [itemUrl, 'https://example.nl/plan-%C5%82', 'https://example.nl/raadsvoorstel']
		});
		expect(structure.structTypes).toEqual(expect.arrayContaining(['H3', 'H4', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD']));

		const text = pdf.text;
		expect(text).toContain(title);
		expect(text).toContain('Aan: De gemeenteraad van Leiden');
		expect(text).toContain('Datum: 2 maart 2026');
		expect(text).toContain(`Onderwerp: ${TITLE}`);
		expect(text).toContain(`Tekst: vastgestelde versie ${frozen.number} (hash ${frozen.contentHash.slice(0, 12)})`);
		expect(text).toContain(`Samen inkopen; ${SPECIAL}.`);
		expect(text).toContain('Aanpak Eerst Leiden, zie het plan.');
		expect(text).toContain('stap één ✓');
		expect(text).toContain('stap twee π');
		// Leiden 128,000, Oegstgeest 26,000, Zoeterwoude 9,000 inhabitants share € 153.000.
		expect(text).toMatch(/Aandeel Leiden: € 120\.147,24 \(78,53 %\)/);
		expect(text).toContain('Totale kosten: € 163.000,00');
		expect(text).toContain('Externe bijdragen: € 10.000,00');
		expect(text).toContain('Verdeelsleutel: Naar rato van inwoners');
		expect(text).toContain('Zoeterwoude 5,52 % € 8.447,85');
		expect(text).toContain(`Leiden Akkoord 13 januari 2026 Z/26/leiden-ł ${frozen.number}`);
		expect(text).toContain(`Oegstgeest Akkoord 13 januari 2026 Z/26/oegstgeest-ł ${frozen.number}`);
		expect(text).toContain('Leiden Wensen en bedenkingen 26 februari 2026 RB/26/π');
		expect(text).toContain('Oegstgeest nog geen besluit');
		expect(text).toContain('Wensen en bedenkingen van de raad van Leiden: Houd de kosten € 2,50 per inwoner.');
		expect(text).toContain('40 % gereed');
		expect(text).toContain('Eerste fase klaar');
		// (a long address wraps over two lines)
		expect(text.replace(/\s/g, '')).toContain(`HetagendapuntinhetRegioportaal:${itemUrl}`);
		expect(text).toContain('Raadsvoorstel (kenmerk Z/26/100)');
		expect(text).toContain('Pagina 1 van');

		// The same letter in Word: heading styles, Dutch, the text, the links as hyperlinks.
		const word = await file(id, { gemeente: 'leiden', formaat: 'docx' });
		expect(word.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		expect(word.filename.endsWith('.docx')).toBe(true);
		const doc = await expectAccessibleDocx(word.bytes, { title, lang: 'nl-NL' });
		const heading2 = doc.paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text);
		expect(heading2).toEqual(['De tekst', 'Planning', 'Kosten voor Leiden', 'Besluitvorming tot nu toe', 'Meer informatie']);
		const plain = squash(doc.paragraphs.map((p) => p.text).join(' '));
		expect(plain).toContain(`Samen inkopen; ${SPECIAL}.`);
		expect(plain).toContain('Aandeel Leiden: € 120.147,24 (78,53 %)');
		expect(doc.tables.some((tb) => tb.rows.some((r) => r.join('|') === `Leiden|Akkoord|13 januari 2026|Z/26/leiden-ł|${frozen.number}`))).toBe(true);
		const rels = (await (await JSZip.loadAsync(word.bytes)).file('word/_rels/document.xml.rels')?.async('string')) ?? '';
		expect(rels).toContain(`Target="${itemUrl}"`);
		expect(rels).toContain(`Target="${PLAN}"`);
	});

	it('while up for decision it shows the frozen version; before any version the current text as a draft', async () => {
		const id = await richItem('Concept met ✓');
		const draft = await documents.itemBrief(t.db, reader.actor, id, 'oegstgeest', NOW);
		expect(draft.text).toMatchObject({ kind: 'draft', versionNumber: null });
		const draftPdf = await expectAccessiblePdf((await file(id, { gemeente: 'oegstgeest' })).bytes, {
			title: 'Raadsinformatiebrief Oegstgeest: Concept met ✓',
			lang: 'nl-NL',
			links: [`${ORIGIN}/agenda/${id}`]
		});
		expect(draftPdf.pdf.text).toContain('Tekst: concept: de actuele tekst, nog niet als versie vastgelegd');
		expect(draftPdf.pdf.text).toContain('Oegstgeest nog geen besluit');

		const frozen = await toDecision(id);
		await sign('oegstgeest', id, frozen);
		const brief = await documents.itemBrief(t.db, reader.actor, id, 'oegstgeest', NOW);
		expect(brief.text).toMatchObject({ kind: 'frozen', versionNumber: frozen.number, contentHash: frozen.contentHash, verified: true, currentDiffers: false });
		const text = await readText(id, 'oegstgeest');
		expect(text).toContain(`versie ${frozen.number} ter besluitvorming (hash ${frozen.contentHash.slice(0, 12)})`);
		expect(text).toContain(`Oegstgeest Akkoord 13 januari 2026 Z/26/oegstgeest-ł ${frozen.number}`);
	});

	it('refuses, in Dutch, an unknown municipality or format and one that does not take part; an unknown item is 404', async () => {
		const id = await richItem('Alleen drie gemeenten');
		const refused = async (query: Record<string, string>) => {
			const err = await rejection(file(id, query));
			expect(err).toBeInstanceOf(DomainError);
			return err as DomainError;
		};
		expect(await refused({ gemeente: 'wassenaar', formaat: 'pdf' })).toMatchObject({ key: 'validation_documents_municipality', status: 400 });
		expect(await refused({ formaat: 'pdf' })).toMatchObject({ key: 'validation_documents_municipality', status: 400 });
		expect(await refused({ gemeente: 'leiden', formaat: 'xlsx' })).toMatchObject({ key: 'validation_documents_format', status: 400 });
		expect(await refused({ gemeente: 'voorschoten', formaat: 'pdf' })).toMatchObject({
			key: 'brief_not_participating',
			status: 400,
			params: { municipality: 'Voorschoten' }
		});
		expect(await rejection(file(crypto.randomUUID(), { gemeente: 'leiden' }))).toMatchObject({ status: 404 });
		expect(await rejection(file('geen-id', { gemeente: 'leiden' }))).toMatchObject({ status: 404 });
	});
});

async function readText(id: string, gemeente: string): Promise<string> {
	const { readPdf } = await import('../../fixtures/read-documents');
	return (await readPdf((await file(id, { gemeente })).bytes)).text;
}
