import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, type NewUser } from '../../fixtures/factories';
import { auditEvents } from '../../../src/lib/server/db/schema';
import { AUDIT_PAGE_SIZE, auditFilterChoices, listAuditEvents } from '../../../src/lib/server/modules/audit';

let t: TestDb;
let admin: NewUser;
let anna: NewUser;

/** Rows with known times; the trail is append-only, so each test reads the same set. */
beforeAll(async () => {
	t = await testDb();
	admin = await newUser(t.db, [['administrator', null]], { name: 'Beheerder Bram', email: 'bram@regio.nl' });
	anna = await newUser(t.db, [['verkenner', null]], { name: 'Anna Verkenner', email: 'anna@regio.nl' });
	const row = (at: string, values: Partial<typeof auditEvents.$inferInsert>) => ({
		at: new Date(at),
		actorUserId: admin.id,
		actorLabel: admin.name,
		action: 'user.invited',
		objectType: 'user',
		objectId: anna.id,
		result: 'success',
		ip: '192.0.2.1',
		...values
	});
	await t.db.insert(auditEvents).values([
		// 23:30 UTC on 9 March is 00:30 on 10 March in Amsterdam
		row('2026-03-09T23:30:00Z', { action: 'municipality.updated', objectType: 'municipality', objectId: 'leiden' }),
		row('2026-03-09T22:30:00Z', {}),
		row('2026-03-10T12:00:00Z', { actorUserId: null, actorLabel: 'onbekend@example.org', action: 'auth.logged_in', result: 'failure', objectId: null }),
		row('2026-03-11T08:00:00Z', { actorUserId: anna.id, actorLabel: anna.name, action: 'auth.logged_in', objectId: anna.id }),
		row('2026-03-12T08:00:00Z', { action: 'agenda.exported', objectType: 'export_file', objectId: '42', result: 'denied' })
	]);
	// plenty of old rows, for paging
	await t.db
		.insert(auditEvents)
		.values(
			Array.from({ length: 2 * AUDIT_PAGE_SIZE }, (_, i) =>
				row(new Date(Date.parse('2026-01-01T10:00:00Z') + i * 60_000).toISOString(), { action: 'auth.logged_out', objectId: admin.id })
			)
		);
});
afterAll(() => destroy(t));

const list = (filters: Record<string, unknown>) => listAuditEvents(t.db, admin.actor, filters);

describe('the audit trail', () => {
	it('is newest first with readable labels, falling back to the key', async () => {
		const { rows, total } = await list({});
		expect(total).toBe(5 + 2 * AUDIT_PAGE_SIZE);
		expect(rows.slice(0, 5).map((r) => r.action)).toEqual(['agenda.exported', 'auth.logged_in', 'auth.logged_in', 'municipality.updated', 'user.invited']);
		expect(rows[0]).toMatchObject({ actionLabel: 'agenda.exported', objectTypeLabel: 'export_file', resultLabel: 'Geweigerd' });
		expect(rows[3]).toMatchObject({ actionLabel: 'Gemeente gewijzigd', objectTypeLabel: 'Gemeente', objectId: 'leiden' });
		// a user object shows the user's name
		expect(rows[4]).toMatchObject({ actionLabel: 'Persoon uitgenodigd', objectName: 'Anna Verkenner', actorEmail: 'bram@regio.nl' });
	});

	it('pages by 50, and a page past the end shows the last one', async () => {
		const p1 = await list({ page: '1' });
		const p3 = await list({ page: '3' });
		expect(p1.pageCount).toBe(3);
		expect(p1.rows).toHaveLength(AUDIT_PAGE_SIZE);
		expect(p3.rows).toHaveLength(5);
		const all = [...p1.rows, ...(await list({ page: 2 })).rows, ...p3.rows].map((r) => r.id);
		expect(new Set(all).size).toBe(5 + 2 * AUDIT_PAGE_SIZE);
		expect((await list({ page: '999' })).page).toBe(3);
		expect((await list({ page: 'nonsense' })).page).toBe(1);
	});

	it('filters on the actor by name, e-mail or the label of an anonymous attempt', async () => {
		expect((await list({ actor: 'verkenner' })).rows.map((r) => r.action)).toEqual(['auth.logged_in']);
		expect((await list({ actor: 'ANNA@regio' })).total).toBe(1);
		expect((await list({ actor: 'onbekend@' })).rows[0]).toMatchObject({ result: 'failure', actorLabel: 'onbekend@example.org' });
		// wildcards typed by the user are literal characters
		expect((await list({ actor: '%' })).total).toBe(0);
	});

	it('filters on action, object type and result', async () => {
		expect((await list({ action: 'auth.logged_in' })).total).toBe(2);
		expect((await list({ objectType: 'municipality' })).rows.map((r) => r.objectId)).toEqual(['leiden']);
		expect((await list({ result: 'failure' })).total).toBe(1);
		expect((await list({ action: 'auth.logged_in', result: 'success' })).rows[0].actorLabel).toBe('Anna Verkenner');
		// an unknown result is ignored rather than refused (it came from a URL)
		expect((await list({ result: 'misschien' })).filters.result).toBeUndefined();
	});

	it('filters on dates as days in Amsterdam, both ends included', async () => {
		const day = await list({ from: '2026-03-10', to: '2026-03-10' });
		expect(day.rows.map((r) => r.action)).toEqual(['auth.logged_in', 'municipality.updated']);
		expect((await list({ from: '2026-03-11' })).total).toBe(2);
		expect((await list({ to: '2026-03-09' })).total).toBe(1 + 2 * AUDIT_PAGE_SIZE);
		expect((await list({ from: '2026-13-45' })).filters.from).toBeUndefined();
	});

	it('offers every labelled action and the object types present', async () => {
		const choices = await auditFilterChoices(t.db, admin.actor, { page: 1, action: 'agenda.exported' });
		expect(choices.actions.map((c) => c.key)).toEqual(expect.arrayContaining(['user.invited', 'auth.logged_in', 'agenda.exported']));
		expect(choices.objectTypes.map((c) => c.key).sort()).toEqual(['export_file', 'municipality', 'user']);
		expect(choices.results.map((c) => c.label)).toEqual(['Geslaagd', 'Geweigerd', 'Mislukt']);
	});
});
