import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser } from '../../fixtures/factories';
import { seedIfEmpty } from '../../../src/lib/server/seed';
import { demoAccounts, DEMO_PASSWORD } from '../../../src/lib/server/seed/demo-accounts';
import { ambitions, memberships, municipalities, users } from '../../../src/lib/server/db/schema';
import { login } from '../../../src/lib/server/auth/login';
import { testOrigin } from '../../fixtures/factories';

let t: TestDb | undefined;
afterEach(async () => {
	if (t) await destroy(t);
	t = undefined;
});
const count = async (table: typeof users | typeof memberships) => (await t!.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;

describe('seed', () => {
	it('loads five municipalities with inhabitants and the seven ambitions', async () => {
		t = await testDb();
		const ms = await t.db.select().from(municipalities);
		expect(ms.map((m) => m.name).sort()).toEqual(['Leiden', 'Leiderdorp', 'Oegstgeest', 'Voorschoten', 'Zoeterwoude']);
		expect(ms.find((m) => m.id === 'leiden')?.inhabitants).toBe(128_000);
		expect(await t.db.select().from(ambitions)).toHaveLength(7);
	});

	it('creates every demo account with its role, usable with the demo password', async () => {
		t = await testDb({ demo: true });
		expect(await count(users)).toBe(23);
		const emails = (await t.db.select().from(users)).map((u) => u.email);
		for (const g of ['leiden', 'leiderdorp', 'oegstgeest', 'voorschoten', 'zoeterwoude']) {
			for (const p of ['klankbord', 'college', 'griffie', 'adviseur']) expect(emails).toContain(`${p}.${g}@demo.regioportaal.nl`);
		}
		expect(emails).toContain('beheer@demo.regioportaal.nl');
		expect(emails).toContain('verkenner@demo.regioportaal.nl');
		expect(emails).toContain('meelezer.leiden@demo.regioportaal.nl');
		const res = await login(t.db, { email: demoAccounts[5].email, password: DEMO_PASSWORD }, testOrigin);
		expect(res.token).toBeTruthy();
	});

	it('never loads demo accounts into a database that already has accounts', async () => {
		t = await testDb();
		await newUser(t.db, [['verkenner', null]]);
		const result = await seedIfEmpty(t.db, { demo: true });
		expect(result).toEqual({ region: false, demo: false });
		expect(await count(users)).toBe(1);
	});

	it('is idempotent: a second start changes nothing', async () => {
		t = await testDb({ demo: true });
		expect(await seedIfEmpty(t.db, { demo: true })).toEqual({ region: false, demo: false });
		expect(await count(memberships)).toBe(23);
	});
});

describe('demo agenda', () => {
	it('fills the agenda through the real use cases, audited, some items already in discussion', async () => {
		const { seedDemoAgenda } = await import('../../../src/lib/server/seed/demo-agenda');
		const { agendaItems, auditEvents } = await import('../../../src/lib/server/db/schema');
		t = await testDb({ demo: true });
		await seedDemoAgenda(t.db);
		const items = await t.db.select().from(agendaItems);
		expect(items.length).toBeGreaterThanOrEqual(7);
		expect(new Set(items.map((i) => i.ambitionId)).size).toBeGreaterThanOrEqual(6);
		expect(items.filter((i) => i.status === 'in_bespreking').length).toBeGreaterThan(0);
		const created = await t.db
			.select()
			.from(auditEvents)
			.where(sql`${auditEvents.action} = 'item.created'`);
		expect(created).toHaveLength(items.length);
	}, 120_000);
});
