/**
 * The one search: Dutch stemming, accents ignored, prefixes while typing, ranking, filters, every visibility
 * rule of the kinds it reads (internal comments, confidential interviews), the search text kept current in the
 * transaction of a change, and any question answered without an error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { agendaItems } from '../../../src/lib/server/db/schema';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { newItem } from '../agenda/helpers';
import { doc, newCandidate, newInterview } from '../interviews/helpers';
import { postComment, editComment, deleteComment } from '../../../src/lib/server/modules/comments';
import { saveNotes } from '../../../src/lib/server/modules/interviews';
import { updateItemFields } from '../../../src/lib/server/modules/agenda-items';
import { search, type SearchResults } from '../../../src/lib/server/modules/search';
import * as scenarios from '../../../src/lib/server/modules/scenarios';
import { searchFromParams } from '../../../src/lib/validation/search';
import type { Actor } from '../../../src/lib/server/permissions';

let t: TestDb;
let verkenner: NewUser, leiden: NewUser, leiderdorp: NewUser, college: NewUser;
let housing: string, transport: string, shared: string, internal: string, confidential: string, open: string, candidate: string;

const find = (actor: Actor, params: Record<string, string>) => search(t.db, actor, searchFromParams(new URLSearchParams(params)));
/** Items are created without participants; the editor adds them. */
async function setParticipants(itemId: string, municipalityIds: string[]) {
	const [{ revision }] = await t.db.select({ revision: agendaItems.revision }).from(agendaItems).where(eq(agendaItems.id, itemId));
	await updateItemFields(t.db, verkenner.actor, { itemId, revision, participants: municipalityIds.map((municipalityId) => ({ municipalityId })) }, testOrigin);
}
const ids = (r: SearchResults, kind: string) => r.groups.find((g) => g.kind === kind)?.hits.map((h) => h.id) ?? [];

beforeAll(async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]]);
	leiden = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
	leiderdorp = await newUser(t.db, [['klankbordgroeplid', 'leiderdorp']]);
	college = await newUser(t.db, [['collegelid', 'leiden']]);
	housing = await newItem(t.db, verkenner.actor, {
		title: 'Versnelling woningbouw',
		summary: 'Samen bouwen aan betaalbare woningen in de regio.'
	});
	transport = await newItem(t.db, verkenner.actor, {
		ambitionId: 2,
		trekkerId: 'oegstgeest',
		title: 'Fietsroutes tussen de kernen',
		summary: 'Snelle fietsverbindingen; ook bij nieuwe woningen een goede route.'
	});
	await setParticipants(housing, ['leiden', 'leiderdorp']);
	shared = (
		await postComment(t.db, leiden.actor, { id: randomUUID(), itemId: housing, body: 'De coördinatie van de bouwstromen verdient aandacht.' }, testOrigin)
	).id;
	internal = (
		await postComment(
			t.db,
			leiderdorp.actor,
			{ id: randomUUID(), itemId: housing, body: 'Intern: onze grondposities Zuidrand zijn kwetsbaar.', visibility: 'internal' },
			testOrigin
		)
	).id;
	confidential = await newInterview(t.db, verkenner.actor, { visibility: 'vertrouwelijk', participants: 'Wethouder Wonen' });
	await saveNotes(
		t.db,
		verkenner.actor,
		{ interviewId: confidential, baseRevision: 0, doc: doc('Vertrouwelijk: de grondprijzen stijgen sneller dan begroot.') },
		testOrigin
	);
	open = await newInterview(t.db, verkenner.actor, { municipalityId: 'oegstgeest', body: 'college' });
	await saveNotes(t.db, verkenner.actor, { interviewId: open, baseRevision: 0, doc: doc('Het college wil meer samenwerken aan woningbouw.') }, testOrigin);
	candidate = await newCandidate(t.db, verkenner.actor, open, {
		title: 'Gezamenlijke huisvesting statushouders',
		meerwaarde: 'Een regionale woningzoekendenlijst.'
	});
});
afterAll(() => destroy(t));

describe('Dutch full text', () => {
	it('stems: woning finds woningen and woningbouw is found by its own word', async () => {
		const r = await find(leiden.actor, { q: 'woning' });
		expect(ids(r, 'items')).toEqual(expect.arrayContaining([housing, transport]));
	});

	it('ignores accents both ways: coordinatie finds coördinatie', async () => {
		expect(ids(await find(leiden.actor, { q: 'coordinatie' }), 'comments')).toEqual([shared]);
		expect(ids(await find(leiden.actor, { q: 'coördinatie' }), 'comments')).toEqual([shared]);
	});

	it('finds while typing: a prefix of two letters or more matches', async () => {
		expect(ids(await find(leiden.actor, { q: 'fietsv' }), 'items')).toEqual([transport]);
		expect(ids(await find(leiden.actor, { q: 'versn woning' }), 'items')).toEqual([housing]);
	});

	it('requires every word; when nothing holds them all, shows what holds any and says so', async () => {
		const all = await find(leiden.actor, { q: 'woningbouw betaalbare' });
		expect([all.anyWord, ids(all, 'items')]).toEqual([false, [housing]]);
		const any = await find(leiden.actor, { q: 'woningbouw kabelbaan' });
		expect(any.anyWord).toBe(true);
		expect(ids(any, 'items')).toContain(housing);
		const none = await find(leiden.actor, { q: 'kabelbaan' });
		expect([none.anyWord, none.total]).toEqual([false, 0]);
	});

	it('ranks a match in the title above one in the summary', async () => {
		const r = await find(leiden.actor, { q: 'woningbouw' });
		expect(ids(r, 'items')[0]).toBe(housing);
		const other = await find(leiden.actor, { q: 'route' });
		expect(ids(other, 'items')).toEqual([transport]);
	});

	it('marks the matching words in the passage, as text parts', async () => {
		const [hit] = (await find(leiden.actor, { q: 'bouwstromen' })).groups.find((g) => g.kind === 'comments')!.hits;
		expect(hit.passage.filter((p) => p.mark).map((p) => p.text)).toEqual(['bouwstromen']);
		expect(hit.passage.map((p) => p.text).join('')).toContain('coördinatie van de bouwstromen');
		expect(hit.title).toBe('Versnelling woningbouw');
		expect(hit.itemId).toBe(housing);
	});
});

describe('every visibility rule holds', () => {
	it("a Leiden member never finds Leiderdorp's internal comment, by any word of it; Leiderdorp's members do", async () => {
		for (const word of ['intern', 'grondposities', 'zuidrand', 'kwetsbaar', 'onze grondposities']) {
			expect(ids(await find(leiden.actor, { q: word }), 'comments'), word).toEqual([]);
			expect(ids(await find(verkenner.actor, { q: word }), 'comments'), word).toEqual([]);
			expect(ids(await find(leiderdorp.actor, { q: word }), 'comments'), word).toEqual([internal]);
		}
	});

	it('a confidential interview only for its readers (the verkenner), by its notes and its participants', async () => {
		for (const word of ['grondprijzen', 'wethouder']) {
			expect(ids(await find(leiden.actor, { q: word }), 'interviews'), word).toEqual([]);
			expect(ids(await find(verkenner.actor, { q: word }), 'interviews'), word).toEqual([confidential]);
		}
		expect(ids(await find(leiden.actor, { q: 'samenwerken' }), 'interviews')).toEqual([open]);
	});

	it('who may not read interviews finds neither them nor their candidates', async () => {
		const r = await find(college.actor, { q: 'woningbouw statushouders' });
		expect(ids(r, 'interviews')).toEqual([]);
		expect(ids(await find(college.actor, { q: 'statushouders' }), 'candidates')).toEqual([]);
		expect(ids(await find(leiden.actor, { q: 'statushouders' }), 'candidates')).toEqual([candidate]);
	});
});

describe('filters', () => {
	it('by kind, ambition, municipality and status; a filter a kind lacks leaves that kind out', async () => {
		expect((await find(leiden.actor, { q: 'woning', soort: 'items' })).groups.map((g) => g.kind)).toEqual(['items']);
		expect(ids(await find(leiden.actor, { q: 'woning', ambitie: '2' }), 'items')).toEqual([transport]);
		expect(ids(await find(leiden.actor, { q: 'woning', gemeente: 'oegstgeest' }), 'items')).toEqual([transport]);
		const byStatus = await find(leiden.actor, { q: 'woning', status: 'concept' });
		expect(byStatus.groups.map((g) => g.kind)).toEqual(['items', 'comments', 'versions']);
		expect(ids(await find(leiden.actor, { q: 'woning', status: 'afgerond' }), 'items')).toEqual([]);
	});

	it('by date: nothing written after the end date', async () => {
		expect(ids(await find(leiden.actor, { q: 'woning', tot: '2000-01-01' }), 'items')).toEqual([]);
		expect(ids(await find(leiden.actor, { q: 'samenwerken', van: '2026-01-01', tot: '2026-01-31' }), 'interviews')).toEqual([open]);
	});

	it('counts all matches of a kind, not only those shown', async () => {
		const r = await find(leiden.actor, { q: 'woning' });
		const items = r.groups.find((g) => g.kind === 'items')!;
		expect(items.total).toBe(items.hits.length);
		expect(r.total).toBe(r.groups.reduce((n, g) => n + g.total, 0));
	});
});

describe('kept current in the transaction of every change', () => {
	it("finds an item by the title or description of one of its options, with the option's words in the passage; a removed option no longer", async () => {
		const { scenarioId } = await scenarios.addScenario(
			t.db,
			verkenner.actor,
			{ itemId: transport, title: 'Snelfietsroute langs het spoor', description: 'Een vrijliggend tracé met verlichte tunnels.' },
			testOrigin
		);
		const byDescription = await find(leiden.actor, { q: 'tunnel verlicht' });
		expect(ids(byDescription, 'items')).toEqual([transport]);
		const passage = byDescription.groups.find((g) => g.kind === 'items')!.hits[0].passage;
		expect(passage.filter((p) => p.mark).map((p) => p.text.toLowerCase())).toEqual(expect.arrayContaining(['verlichte', 'tunnels']));
		expect(ids(await find(leiden.actor, { q: 'spoor' }), 'items')).toEqual([transport]);
		// Found by its own text and an option's at once: listed once.
		expect(ids(await find(leiden.actor, { q: 'fiets' }), 'items')).toEqual([transport]);
		await scenarios.removeScenario(t.db, verkenner.actor, { scenarioId }, testOrigin);
		expect(ids(await find(leiden.actor, { q: 'tunnel verlicht' }), 'items')).toEqual([]);
	});

	it('an edited item, an edited and a deleted comment are found by their new words at once', async () => {
		const [{ revision }] = await t.db.select({ revision: agendaItems.revision }).from(agendaItems).where(eq(agendaItems.id, transport));
		await updateItemFields(t.db, verkenner.actor, { itemId: transport, revision, title: 'Snelfietspaden tussen de kernen' }, testOrigin);
		expect(ids(await find(leiden.actor, { q: 'snelfietspaden' }), 'items')).toEqual([transport]);
		expect(ids(await find(leiden.actor, { q: 'fietsroutes' }), 'items')).toEqual([]);

		const id = randomUUID();
		await postComment(t.db, leiden.actor, { id, itemId: transport, body: 'Eerste gedachte over parkeren.' }, testOrigin);
		await editComment(t.db, leiden.actor, { id, body: 'Tweede gedachte over laadpalen.' }, testOrigin);
		expect(ids(await find(leiden.actor, { q: 'laadpalen' }), 'comments')).toEqual([id]);
		expect(ids(await find(leiden.actor, { q: 'parkeren' }), 'comments')).toEqual([]);
		await deleteComment(t.db, leiden.actor, { id }, testOrigin);
		expect(ids(await find(leiden.actor, { q: 'laadpalen' }), 'comments')).toEqual([]);
	});
});

describe('any question is answered, never an error', () => {
	it('empty, one letter, operators, SQL, quotes, a very long text', async () => {
		for (const q of ['', ' ', 'w', '"', '&', '!', ':*', "' or 1=1 --", 'woning & !', 'woning:* | (', '\\', 'x'.repeat(10_000), 'woning '.repeat(2_000)]) {
			const r = await find(leiden.actor, { q });
			expect(
				r.groups.every((g) => g.total >= 0),
				JSON.stringify(q.slice(0, 20))
			).toBe(true);
		}
		expect((await find(leiden.actor, { q: 'w' })).words).toEqual([]);
		expect(ids(await find(leiden.actor, { q: 'woning & !' }), 'items').length).toBeGreaterThan(0);
	});

	it('a question of only Dutch stop words finds nothing, without an error', async () => {
		const r = await find(leiden.actor, { q: 'de het een' });
		expect(r.total).toBe(0);
	});
});
