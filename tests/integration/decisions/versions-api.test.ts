/**
 * `GET /api/v1/items/{id}/versions` and `/versions/{number}`: every stored version with its hashes and its
 * exact canonical JSON, for whoever may read the item, so anyone can verify a signature without the source.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { GET as list } from '../../../src/routes/api/v1/items/[id]/versions/+server';
import { GET as one } from '../../../src/routes/api/v1/items/[id]/versions/[number]/+server';
import { GET as decisionsGet } from '../../../src/routes/api/v1/items/[id]/decisions/+server';
import { recordSignOff } from '../../../src/lib/server/modules/decisions';
import { canonicalJson } from '../../../src/lib/agenda/canonical';
import { readyItem, sessionConfirmed, signInput } from './helpers';

let t: TestDb;
let verkenner: NewUser;
let leiden: NewUser;
let meelezer: NewUser;
let nobody: NewUser;
let itemId: string;
let frozen: { number: number; contentHash: string };

const event = (actor: NewUser['actor'] | null, id: string, number?: string) =>
	({ locals: { db: t.db, actor }, url: new URL(`/api/v1/items/${id}/versions`, 'http://localhost'), params: { id, number } }) as never;
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

beforeAll(async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]], { name: 'Vera Verkenner' });
	leiden = await newUser(t.db, [['collegelid', 'leiden']]);
	meelezer = await newUser(t.db, [['meelezer', 'voorschoten']]);
	nobody = await newUser(t.db, []);
	({ id: itemId, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']));
	await recordSignOff(t.db, leiden.actor, sessionConfirmed(), signInput(itemId, 'leiden', frozen), testOrigin);
});
afterAll(() => destroy(t));

describe('GET /api/v1/items/{id}/versions', () => {
	it('lists every version with number, reason, author and both hashes', async () => {
		const res = await list(event(meelezer.actor, itemId));
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body.versions.length).toBeGreaterThanOrEqual(1);
		const v = body.versions.find((x: { number: number }) => x.number === frozen.number);
		expect(v).toMatchObject({ number: frozen.number, reason: 'status', contentHash: frozen.contentHash });
		expect(v.signedContentHash).toMatch(/^[0-9a-f]{64}$/);
		expect(v.createdAt).toMatch(/Z$/);
		expect(v.createdBy).toBe('Vera Verkenner');
	});

	it('one version: the stored canonical JSON, which hashes to the hash a sign-off names', async () => {
		const res = await one(event(meelezer.actor, itemId, String(frozen.number)));
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(sha256(body.canonical)).toBe(frozen.contentHash);
		expect(canonicalJson(body.content)).toBe(body.canonical);
		const { status, milestones, ...rest } = body.content;
		void status;
		const signed = { ...rest, milestones: milestones.map((m: { title: string; dueDate: string }) => ({ title: m.title, dueDate: m.dueDate })) };
		expect(sha256(canonicalJson(signed))).toBe(body.signedContentHash);
		const signOff = (await (await decisionsGet(event(meelezer.actor, itemId))).json()).signOffs[0];
		expect(signOff.version).toEqual({ number: frozen.number, contentHash: sha256(body.canonical) });
	});

	it('refuses who may not read items (403), unknown items and versions (404), a bad number (400, Dutch)', async () => {
		expect((await list(event(nobody.actor, itemId))).status).toBe(403);
		expect((await one(event(nobody.actor, itemId, '1'))).status).toBe(403);
		expect((await list(event(meelezer.actor, crypto.randomUUID()))).status).toBe(404);
		expect((await list(event(meelezer.actor, 'geen-id'))).status).toBe(404);
		expect((await one(event(meelezer.actor, itemId, '999'))).status).toBe(404);
		for (const bad of ['0', '-1', 'abc', '1.5']) {
			const res = await one(event(meelezer.actor, itemId, bad));
			expect(res.status).toBe(400);
			expect((await res.json()).message).toBe('Het versienummer moet een positief geheel getal zijn.');
		}
	});
});
