/**
 * `GET /api/v1/items/{id}/decisions` answers with the same query as the item page: positions,
 * sign-offs with their version (number, hash), verified/valid/voided and whether they still cover the
 * text, council decisions and progress. Who may not read items gets 403; without a login 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { GET } from '../../../src/routes/api/v1/items/[id]/decisions/+server';
import { guardHandle } from '../../../src/lib/server/http/guard-handle';
import { getItem, reopenItem, transitionItem, updateItemFields } from '../../../src/lib/server/modules/agenda-items';
import { recordSignOff, setPosition, recordCouncilDecision, reportProgress, getItemDecisions } from '../../../src/lib/server/modules/decisions';
import { postComment } from '../../../src/lib/server/modules/comments';
import { readyItem, sessionConfirmed, signInput } from './helpers';

let t: TestDb;
let verkenner: NewUser;
let leiden: NewUser;
let oegstgeest: NewUser;
let griffie: NewUser;
let klankbordLeiden: NewUser;
let meelezerVoorschoten: NewUser;
let nobody: NewUser;
let itemId: string;
let frozen: { number: number; contentHash: string };

const event = (actor: NewUser['actor'] | null, id: string) =>
	({ locals: { db: t.db, actor }, url: new URL(`/api/v1/items/${id}/decisions`, 'http://localhost'), params: { id } }) as never;

beforeAll(async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]]);
	leiden = await newUser(t.db, [['collegelid', 'leiden']], { name: 'Wethouder Leiden' });
	oegstgeest = await newUser(t.db, [['collegelid', 'oegstgeest']]);
	griffie = await newUser(t.db, [['griffie', 'leiden']], { name: 'Griffie Leiden' });
	klankbordLeiden = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
	meelezerVoorschoten = await newUser(t.db, [['meelezer', 'voorschoten']]);
	nobody = await newUser(t.db, []);

	const ready = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
	itemId = ready.id;
	frozen = ready.frozen;
	await setPosition(
		t.db,
		klankbordLeiden.actor,
		{ itemId, municipalityId: 'leiden', position: 'steunt_onder_voorwaarden', reasons: 'Mits evaluatie', conditions: ['Evaluatie na een jaar'] },
		testOrigin
	);
	// An internal comment of Leiden: never part of this endpoint, for anyone.
	await postComment(
		t.db,
		klankbordLeiden.actor,
		{ id: crypto.randomUUID(), itemId, body: 'Intern: wij twijfelen nog', visibility: 'internal', municipalityId: 'leiden' },
		testOrigin
	);
	for (const [who, m] of [
		[leiden, 'leiden'],
		[oegstgeest, 'oegstgeest']
	] as const)
		await recordSignOff(t.db, who.actor, sessionConfirmed(), signInput(itemId, m, frozen, { documentUrl: 'https://example.org/besluit.pdf' }), testOrigin);
	await recordCouncilDecision(
		t.db,
		griffie.actor,
		{ itemId, municipalityId: 'leiden', meetingDate: '2026-02-01', outcome: 'ingestemd', kenmerk: 'RB/26/7' },
		testOrigin
	);
	await transitionItem(t.db, verkenner.actor, { itemId, from: 'vastgesteld', to: 'in_uitvoering' }, testOrigin);
	await reportProgress(t.db, verkenner.actor, { itemId, percent: 30, note: 'Gestart' }, testOrigin);
});
afterAll(() => destroy(t));

describe('GET /api/v1/items/{id}/decisions', () => {
	it('gives positions, sign-offs on their version (verified, valid), council decisions and progress', async () => {
		const res = await GET(event(meelezerVoorschoten.actor, itemId));
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body).toMatchObject({
			itemId,
			status: 'in_uitvoering',
			participants: ['leiden', 'oegstgeest'],
			round: null,
			adopted: { version: frozen.number, contentHash: frozen.contentHash, currentDiffers: false },
			positions: [{ municipality: 'leiden', position: 'steunt_onder_voorwaarden', reasons: 'Mits evaluatie', conditions: ['Evaluatie na een jaar'] }],
			council: [{ municipality: 'leiden', outcome: 'ingestemd', kenmerk: 'RB/26/7', recordedBy: 'Griffie Leiden' }],
			progress: { percent: 30, note: 'Gestart' }
		});
		expect(body.signOffs).toHaveLength(2);
		expect(body.signOffs[0]).toMatchObject({
			municipality: 'leiden',
			decision: 'akkoord',
			signedBy: 'Wethouder Leiden',
			version: { number: frozen.number, contentHash: frozen.contentHash },
			verified: true,
			valid: true,
			voided: null,
			coversCurrentText: true
		});
		expect(body.signOffs[0].signedAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
		expect(body.timeline.map((e: { kind: string }) => e.kind)).toEqual(
			expect.arrayContaining(['created', 'version', 'position', 'signoff', 'council', 'progress'])
		);
		expect(body.timeline.find((e: { kind: string }) => e.kind === 'signoff')).toMatchObject({ municipality: 'leiden', by: 'Wethouder Leiden' });
	});

	it("is the item page's view: the same sign-offs and positions, and only the caller's own powers", async () => {
		const page = await getItemDecisions(t.db, meelezerVoorschoten.actor, itemId);
		const body = await (await GET(event(meelezerVoorschoten.actor, itemId))).json();
		expect(body.signOffs.map((s: { id: string }) => s.id)).toEqual(page.signOffs.map((s) => s.id));
		expect(body.positions).toHaveLength(page.positions.length);
		expect(body.mayAct).toEqual({ position: [], signoff: [], council: [] });
		expect((await (await GET(event(leiden.actor, itemId))).json()).mayAct).toEqual({ position: ['leiden'], signoff: ['leiden'], council: [] });
		// Nothing of an internal comment leaks into it, for a reader of another municipality.
		expect(JSON.stringify(body)).not.toContain('twijfelen');
	});

	it('an edit after vastgesteld is refused (the signatures keep covering the text); a void shows after reopening', async () => {
		const { item } = await getItem(t.db, verkenner.actor, itemId);
		await expect(updateItemFields(t.db, verkenner.actor, { itemId, revision: item.revision, title: 'Achteraf gewijzigd' }, testOrigin)).rejects.toMatchObject({
			key: 'agenda_item_frozen'
		});
		let body = await (await GET(event(meelezerVoorschoten.actor, itemId))).json();
		expect(body.adopted).toMatchObject({ version: frozen.number, currentDiffers: false });
		expect(body.signOffs.map((s: { valid: boolean; coversCurrentText: boolean }) => [s.valid, s.coversCurrentText])).toEqual([
			[true, true],
			[true, true]
		]);

		const other = await readyItem(t.db, verkenner.actor, ['leiden']);
		await recordSignOff(t.db, leiden.actor, sessionConfirmed(), signInput(other.id, 'leiden', other.frozen), testOrigin);
		await reopenItem(t.db, verkenner.actor, { itemId: other.id, from: 'vastgesteld', reason: 'De kosten zijn herzien' }, testOrigin);
		body = await (await GET(event(meelezerVoorschoten.actor, other.id))).json();
		expect(body.signOffs[0]).toMatchObject({ valid: false, voided: { reason: 'reopened', by: expect.any(String) }, verified: true });
		expect(body.adopted).toBeNull();
	});

	it('refuses without a role (403), says 404 for an unknown or malformed id, and 401 without a login', async () => {
		const forbidden = await GET(event(nobody.actor, itemId));
		expect(forbidden.status).toBe(403);
		expect((await forbidden.json()).code).toBe('forbidden');
		for (const id of ['00000000-0000-4000-8000-000000000000', 'geen-id']) {
			const missing = await GET(event(verkenner.actor, id));
			expect(missing.status).toBe(404);
			expect((await missing.json()).code).toBe('agenda_item_not_found');
		}
		const res = await guardHandle({
			event: { url: new URL(`/api/v1/items/${itemId}/decisions`, 'http://localhost'), locals: { authStage: null } } as never,
			resolve: () => new Response('route reached')
		});
		expect(res.status).toBe(401);
	});
});
