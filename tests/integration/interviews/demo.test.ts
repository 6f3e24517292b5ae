import { afterAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { agendaItems, auditEvents, interviewCandidates, interviews, users } from '../../../src/lib/server/db/schema';
import { seedDemoAgenda } from '../../../src/lib/server/seed/demo-agenda';
import { inventoryOverview } from '../../../src/lib/server/modules/interviews';
import { loadActor } from '../../../src/lib/server/modules/users';
import { inventoryFilterFrom } from '../../../src/lib/validation/interviews';

let t: TestDb;
afterAll(() => destroy(t));

describe('demo inventory', () => {
	it('fills interviews and candidates from the source documents, linked to the demo agenda, one confidential, one planned', async () => {
		t = await testDb({ demo: true });
		await seedDemoAgenda(t.db);
		const rows = await t.db.select().from(interviews);
		expect(rows.length).toBeGreaterThanOrEqual(4);
		expect(rows.filter((r) => r.visibility === 'vertrouwelijk')).toHaveLength(1);
		expect(rows.some((r) => r.body === 'overig' && r.bodyOther)).toBe(true);
		expect(rows.some((r) => r.notesText.includes('10.000'))).toBe(true);
		const candidates = await t.db.select().from(interviewCandidates);
		expect(candidates.filter((c) => c.link === 'added').length).toBeGreaterThanOrEqual(2);
		expect(candidates.filter((c) => c.link === 'created')).toHaveLength(1);
		expect(candidates.filter((c) => !c.link).length).toBeGreaterThan(0);
		const [made] = await t.db
			.select()
			.from(agendaItems)
			.where(eq(agendaItems.id, candidates.find((c) => c.link === 'created')!.itemId!));
		expect(made.status).toBe('concept');
		const [{ n }] = await t.db
			.select({ n: sql<number>`count(*)::int` })
			.from(auditEvents)
			.where(sql`${auditEvents.action} like 'interview.%'`);
		expect(n).toBeGreaterThan(rows.length);

		const [klankbord] = await t.db.select().from(users).where(eq(users.email, 'klankbord.leiden@demo.regioportaal.nl'));
		const o = await inventoryOverview(t.db, await loadActor(t.db, klankbord), inventoryFilterFrom(new URLSearchParams()));
		expect(o.totals.planned).toBe(1);
		expect(o.totals.interviews).toBe(rows.length - 1);
	}, 120_000);
});
