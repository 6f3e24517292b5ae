import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { client, sessionCookie, startRealtimeServer, type RealtimeServer } from '../../fixtures/realtime-server';
import { users } from '../../../src/lib/server/db/schema';
import * as interviews from '../../../src/lib/server/modules/interviews';
import { getItemDecisions } from '../../../src/lib/server/modules/decisions';
import { GET as listGet } from '../../../src/routes/api/v1/interviews/+server';
import { GET as oneGet } from '../../../src/routes/api/v1/interviews/[id]/+server';
import { load as pageLoad } from '../../../src/routes/(app)/inventarisatie/[id]/+page.server';
import { load as overviewLoad } from '../../../src/routes/(app)/inventarisatie/+page.server';
import { inventoryFilterFrom } from '../../../src/lib/validation/interviews';
import { rejection } from '../agenda/helpers';
import { doc, newCandidate, newInterview } from './helpers';

let t: TestDb;
let server: RealtimeServer;
let verkenner: NewUser, klankbord: NewUser, admin: NewUser, college: NewUser;
let shared: string, secret: string, sharedItem: string, secretItem: string;

beforeAll(async () => {
	t = await testDb();
	server = await startRealtimeServer(t);
	verkenner = await newUser(t.db, [['verkenner', null]]);
	klankbord = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
	admin = await newUser(t.db, [['administrator', null]]);
	college = await newUser(t.db, [['collegelid', 'leiden']]);
	// administrators and college members have 2FA; the sessions below count as verified
	for (const u of [admin, college]) await t.db.update(users).set({ totpEnabledAt: new Date() }).where(eq(users.id, u.id));
	shared = await newInterview(t.db, verkenner.actor, { municipalityId: 'voorschoten', body: 'college' });
	secret = await newInterview(t.db, verkenner.actor, { municipalityId: 'zoeterwoude', body: 'portefeuillehouder', visibility: 'vertrouwelijk' });
	const sharedCandidate = await newCandidate(t.db, verkenner.actor, shared, { title: 'Sociaal domein naar de Leidse regio', ambitionId: 6 });
	const secretCandidate = await newCandidate(t.db, verkenner.actor, secret, { title: 'Zoekgebieden langs de A4', ambitionId: 4 });
	sharedItem = (await interviews.promoteCandidate(t.db, verkenner.actor, { candidateId: sharedCandidate }, testOrigin)).itemId;
	secretItem = (await interviews.promoteCandidate(t.db, verkenner.actor, { candidateId: secretCandidate }, testOrigin)).itemId;
});
afterAll(async () => {
	await server.close();
	await destroy(t);
});

const noFilter = inventoryFilterFrom(new URLSearchParams());
const idsIn = (o: interviews.InventoryOverview) => o.matrix.flatMap((r) => r.cells.flatMap((c) => c.interviews.map((i) => i.id)));
const event = (actor: NewUser['actor'] | null, url: string, params: Record<string, string> = {}) =>
	({ locals: { db: t.db, actor }, url: new URL(url, 'http://localhost'), params }) as never;

describe('confidential interviews in queries and pages', () => {
	it('the verkenner and administrators see both; the klankbordgroep only the shared one, its candidates included', async () => {
		for (const who of [verkenner, admin]) {
			const o = await interviews.inventoryOverview(t.db, who.actor, noFilter);
			expect(idsIn(o).sort()).toEqual([shared, secret].sort());
			expect(o.totals.candidates).toBe(2);
		}
		const o = await interviews.inventoryOverview(t.db, klankbord.actor, noFilter);
		expect(idsIn(o)).toEqual([shared]);
		expect(o.candidateGroups.flatMap((g) => g.horizons.flatMap((h) => h.candidates.map((c) => c.title)))).toEqual(['Sociaal domein naar de Leidse regio']);
		expect(JSON.stringify(o)).not.toMatch(/A4|Zoekgebieden/);
	});

	it('a single confidential interview is "not found" (404) for the klankbordgroep, exactly like a missing one', async () => {
		const err = await rejection(interviews.getInterview(t.db, klankbord.actor, secret));
		expect([err.key, err.status]).toEqual(['interviews_not_found', 404]);
		const missing = await rejection(interviews.getInterview(t.db, klankbord.actor, '5b0b7c1e-0000-4000-8000-000000000001'));
		expect([missing.key, missing.status]).toEqual([err.key, err.status]);
		expect((await interviews.getInterview(t.db, verkenner.actor, secret)).interview.visibility).toBe('vertrouwelijk');
		expect((await interviews.getInterview(t.db, klankbord.actor, shared)).candidates).toHaveLength(1);
	});

	it('the page answers 404 to the klankbordgroep and 403 to roles without interview.read', async () => {
		const page404 = await rejection(pageLoad(event(klankbord.actor, `/inventarisatie/${secret}`, { id: secret })));
		expect(page404.status).toBe(404);
		const page403 = await rejection(overviewLoad(event(college.actor, '/inventarisatie')));
		expect(page403.status).toBe(403);
		const ok = (await pageLoad(event(verkenner.actor, `/inventarisatie/${secret}`, { id: secret }))) as any;
		expect(ok.interview.id).toBe(secret);
	});
});

describe('confidential interviews in the API', () => {
	it('lists only visible interviews and candidates; a confidential one is 404, not 403', async () => {
		const list = await (await listGet(event(klankbord.actor, '/api/v1/interviews'))).json();
		expect(list.interviews.map((i: any) => i.id)).toEqual([shared]);
		expect(list.candidates.map((c: any) => c.title)).toEqual(['Sociaal domein naar de Leidse regio']);
		expect(list.candidates[0].item).toMatchObject({ id: sharedItem, link: 'created', url: `/api/v1/items/${sharedItem}` });

		const one = await oneGet(event(klankbord.actor, `/api/v1/interviews/${secret}`, { id: secret }));
		expect(one.status).toBe(404);
		expect(await one.json()).toMatchObject({ code: 'interviews_not_found', message: expect.stringMatching(/bestaat niet/) });
		expect((await oneGet(event(klankbord.actor, '/api/v1/interviews/geen-uuid', { id: 'geen-uuid' }))).status).toBe(404);

		const mine = await (await oneGet(event(verkenner.actor, `/api/v1/interviews/${secret}`, { id: secret }))).json();
		expect(mine).toMatchObject({ id: secret, visibility: 'vertrouwelijk', municipality: 'zoeterwoude', body: 'portefeuillehouder' });
		expect((await listGet(event(college.actor, '/api/v1/interviews'))).status).toBe(403);
	});
});

describe("the agenda item's timeline", () => {
	it('names the interview an item came from, linked; omitted for whoever may not read that interview', async () => {
		const forVerkenner = await getItemDecisions(t.db, verkenner.actor, secretItem);
		expect(forVerkenner.timeline.filter((e) => e.kind === 'interview')).toEqual([
			expect.objectContaining({
				kind: 'interview',
				interviewId: secret,
				municipalityId: 'zoeterwoude',
				body: 'portefeuillehouder',
				link: 'created',
				byName: verkenner.name
			})
		]);
		expect((await getItemDecisions(t.db, klankbord.actor, secretItem)).timeline.filter((e) => e.kind === 'interview')).toEqual([]);
		expect((await getItemDecisions(t.db, college.actor, sharedItem)).timeline.filter((e) => e.kind === 'interview')).toEqual([]);
		const forKlankbord = await getItemDecisions(t.db, klankbord.actor, sharedItem);
		expect(forKlankbord.timeline.map((e) => e.kind)).toEqual(['created', 'interview']);
	});
});

describe('confidential interviews over socket.io', () => {
	type AckReply = { ok: boolean; code?: string; data?: any };
	const emit = (s: Socket, ev: string, payload?: unknown) => new Promise<AckReply>((resolve) => s.emit(ev, payload, resolve));
	const connectAs = async (u: NewUser) => client(server.url, { origin: server.url, cookie: (await sessionCookie(t, u.id, true)).cookie });
	const settle = () => new Promise((r) => setTimeout(r, 150));

	it('the klankbordgroep cannot join a confidential interview, by interview:join or by room name; the verkenner can', async () => {
		const k = await connectAs(klankbord);
		const v = await connectAs(verkenner);
		try {
			expect(await emit(k, 'interview:join', { interviewId: secret })).toMatchObject({ ok: false, code: 'interviews_not_found' });
			expect(await emit(k, 'interview:join', { interviewId: '5b0b7c1e-0000-4000-8000-000000000001' })).toMatchObject({
				ok: false,
				code: 'interviews_not_found'
			});
			expect(await emit(k, 'room:join', { room: `interview:${secret}` })).toMatchObject({ ok: false });
			expect(await emit(k, 'interview:join', { interviewId: shared })).toMatchObject({ ok: true, data: { seq: expect.any(Number) } });
			expect(await emit(v, 'interview:join', { interviewId: secret })).toMatchObject({ ok: true });

			const seenK: any[] = [];
			const seenV: any[] = [];
			k.on('interview:changed', (e) => seenK.push(e));
			v.on('interview:changed', (e) => seenV.push(e));
			await interviews.saveNotes(t.db, verkenner.actor, { interviewId: secret, baseRevision: 0, doc: doc('Gevoelig') }, testOrigin);
			await newCandidate(t.db, verkenner.actor, secret, { title: 'Nog een geheim' });
			await settle();
			expect(seenV.map((e) => e.interviewId)).toContain(secret);
			expect(seenK).toEqual([]);
		} finally {
			k.close();
			v.close();
		}
	});

	it('overview events of confidential interviews reach only confidential readers', async () => {
		const k = await connectAs(klankbord);
		const v = await connectAs(verkenner);
		const c = await connectAs(college);
		try {
			expect(await emit(k, 'interviews:subscribe', {})).toMatchObject({ ok: true });
			expect(await emit(v, 'interviews:subscribe', {})).toMatchObject({ ok: true });
			expect(await emit(c, 'interviews:subscribe', {})).toMatchObject({ ok: false, code: 'error_forbidden_action' });
			const seenK: any[] = [];
			const seenV: any[] = [];
			k.on('interviews:changed', (e) => seenK.push(e));
			v.on('interviews:changed', (e) => seenV.push(e));
			const hidden = await newInterview(t.db, verkenner.actor, { visibility: 'vertrouwelijk' });
			const open = await newInterview(t.db, verkenner.actor);
			await settle();
			expect(seenV.map((e) => e.interviewId)).toEqual([hidden, open]);
			expect(seenK.map((e) => e.interviewId)).toEqual([open]);
		} finally {
			k.close();
			v.close();
			c.close();
		}
	});

	it('an interview made confidential takes the klankbordgroep out of its room at once', async () => {
		const id = await newInterview(t.db, verkenner.actor);
		const k = await connectAs(klankbord);
		const v = await connectAs(verkenner);
		try {
			expect(await emit(k, 'interview:join', { interviewId: id })).toMatchObject({ ok: true });
			expect(await emit(v, 'interview:join', { interviewId: id })).toMatchObject({ ok: true });
			const seenK: any[] = [];
			const seenV: any[] = [];
			k.on('interview:changed', (e) => seenK.push(e));
			v.on('interview:changed', (e) => seenV.push(e));
			await interviews.updateInterview(
				t.db,
				verkenner.actor,
				{
					interviewId: id,
					municipalityId: 'leiden',
					body: 'directieteam',
					heldOn: '2026-01-20',
					participants: 'Gemeentesecretaris',
					visibility: 'vertrouwelijk'
				},
				testOrigin
			);
			await settle();
			expect(seenK.map((e) => e.kind)).toEqual(['revoked']);
			await newCandidate(t.db, verkenner.actor, id, { title: 'Na het vertrouwelijk maken' });
			await settle();
			expect(seenK.map((e) => e.kind)).toEqual(['revoked']);
			expect(seenV.map((e) => e.kind)).toEqual(['details', 'candidate']);
			expect(await emit(k, 'interview:join', { interviewId: id })).toMatchObject({ ok: false, code: 'interviews_not_found' });
		} finally {
			k.close();
			v.close();
		}
	});
});
