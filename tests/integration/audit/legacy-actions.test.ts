// Rows written under an action's old name (the trail is append-only: they keep it) are listed under the
// current name's filter and carry the current name's label; the filter offers current names only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, type NewUser } from '../../fixtures/factories';
import { auditEvents } from '../../../src/lib/server/db/schema';
import { auditFilterChoices, legacyActions, listAuditEvents } from '../../../src/lib/server/modules/audit';

let t: TestDb;
let admin: NewUser;

beforeAll(async () => {
	t = await testDb();
	admin = await newUser(t.db, [['administrator', null]], { name: 'Beheerder Bram', email: 'bram@regio.nl' });
	const row = (at: string, action: string) => ({
		at: new Date(at),
		actorUserId: admin.id,
		actorLabel: admin.name,
		action,
		objectType: 'agenda_item',
		objectId: '00000000-0000-4000-8000-0000000000aa',
		result: 'success'
	});
	// inserted directly, as an earlier version of the portal wrote them
	await t.db
		.insert(auditEvents)
		.values([row('2026-03-01T10:00:00Z', 'item.transition'), row('2026-03-02T10:00:00Z', 'item.status_changed'), row('2026-03-03T10:00:00Z', 'item.create')]);
});
afterAll(() => destroy(t));

const list = (filters: Record<string, unknown>) => listAuditEvents(t.db, admin.actor, filters);

describe('audit rows under an old action name', () => {
	it('are listed under the current name, with its label, and keep the name they were stored with', async () => {
		const page = await list({ action: 'item.status_changed' });
		expect(page.rows.map((r) => r.action)).toEqual(['item.status_changed', 'item.transition']);
		expect(page.rows.map((r) => r.actionLabel)).toEqual(['Status van agendapunt gewijzigd', 'Status van agendapunt gewijzigd']);
		expect((await list({ action: 'item.created' })).rows).toMatchObject([{ action: 'item.create', actionLabel: 'Agendapunt aangemaakt' }]);
	});

	it('a filter on an old name (a bookmark) is a filter on the current one', async () => {
		const page = await list({ action: 'item.transition' });
		expect(page.filters.action).toBe('item.status_changed');
		expect(page.total).toBe(2);
	});

	it('the filter offers the current names only', async () => {
		const choices = (await auditFilterChoices(t.db, admin.actor, { page: 1 })).actions.map((c) => c.key);
		expect(choices).toEqual(expect.arrayContaining(['item.status_changed', 'item.created']));
		for (const old of Object.keys(legacyActions)) expect(choices).not.toContain(old);
	});
});
