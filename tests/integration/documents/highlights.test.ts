import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { testOrigin } from '../../fixtures/factories';
import * as meetings from '../../../src/lib/server/modules/meetings';
import { renderHighlightsPdf } from '../../../src/lib/server/modules/meetings/report/pdf';
import { renderHighlightsDocx } from '../../../src/lib/server/modules/meetings/report/docx';
import { cast, planInput, type Cast } from '../meetings/helpers';
import { expectAccessibleDocx, expectAccessiblePdf, SPECIAL } from './helpers';

let t: TestDb;
let c: Cast;

beforeAll(async () => {
	t = await testDb();
	c = await cast(t.db);
});
afterAll(() => destroy(t));

/** A closed session whose title and minutes hold characters a standard PDF font cannot draw. */
async function closedSession(): Promise<string> {
	const chair = c.verkenner.actor;
	const { id } = await meetings.createMeeting(
		t.db,
		chair,
		planInput(c, { title: `Klankbordgroep ${SPECIAL}`, onlineUrl: 'https://meet.example.nl/klankbord' }),
		testOrigin
	);
	await meetings.nameChair(t.db, chair, { meetingId: id, chairUserId: chair.userId }, testOrigin);
	const state = await meetings.startLive(t.db, chair, { meetingId: id }, testOrigin);
	const itemId = state.entries[0].itemId;
	await meetings.writeMinute(t.db, chair, { id: crypto.randomUUID(), meetingId: id, itemId, kind: 'besproken', body: `Besproken: ${SPECIAL}` }, testOrigin);
	await meetings.writeMinute(
		t.db,
		chair,
		{ id: crypto.randomUUID(), meetingId: id, itemId, kind: 'actiepunt', body: 'Kosten ✓ uitwerken', ownerName: 'Łucja Şahin', dueOn: '2026-04-15' },
		testOrigin
	);
	await meetings.closeMeeting(t.db, chair, { meetingId: id }, testOrigin);
	return id;
}

describe('session highlights as documents', () => {
	it('the PDF is tagged, embeds its font, keeps Ł ş € ✓ π and links the online meeting', async () => {
		const id = await closedSession();
		const h = await meetings.closedHighlights(t.db, c.griffie.actor, id);
		const title = `Highlights klankbordgroep – Klankbordgroep ${SPECIAL}`;
		const { pdf, structure } = await expectAccessiblePdf(await renderHighlightsPdf(h, 'nl'), {
			title,
			lang: 'nl-NL',
			links: ['https://meet.example.nl/klankbord']
		});
		expect(structure.structTypes).toEqual(expect.arrayContaining(['H3', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TH', 'TD']));
		expect(pdf.text).toContain(title);
		expect(pdf.text).toContain(`Besproken: ${SPECIAL}`);
		expect(pdf.text).toContain('Kosten ✓ uitwerken Eigenaar: Łucja Şahin');
		expect(pdf.text).toContain('Online deelnemen: https://meet.example.nl/klankbord');
	});

	it('the Word document uses heading styles, is Dutch, keeps the characters and links the online meeting', async () => {
		const id = await closedSession();
		const h = await meetings.closedHighlights(t.db, c.griffie.actor, id);
		const bytes = await renderHighlightsDocx(h, 'nl');
		const doc = await expectAccessibleDocx(bytes, { title: `Highlights klankbordgroep – Klankbordgroep ${SPECIAL}`, lang: 'nl-NL' });
		expect(doc.paragraphs.map((p) => p.text)).toContain(`Besproken: ${SPECIAL}`);
		expect(doc.document).toContain('<w:hyperlink');
	});
});
