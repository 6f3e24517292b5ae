import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { auditEvents, municipalities } from '../../../src/lib/server/db/schema';
import { ValidationError } from '../../../src/lib/server/errors';
import { listMunicipalitiesForAdmin, updateInhabitants } from '../../../src/lib/server/modules/municipalities';

let t: TestDb;
let admin: NewUser;

beforeAll(async () => {
	t = await testDb();
	admin = await newUser(t.db, [['administrator', null]]);
});
afterAll(() => destroy(t));

const inhabitantsOf = async (id: string) => (await t.db.select().from(municipalities).where(eq(municipalities.id, id)))[0].inhabitants;
const auditOf = (id: string) =>
	t.db
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.action, 'municipality.updated'), eq(auditEvents.objectId, id)));

describe('municipalities', () => {
	it('lists the five in their usual order', async () => {
		const rows = await listMunicipalitiesForAdmin(t.db, admin.actor);
		expect(rows.map((r) => r.name)).toEqual(['Leiden', 'Leiderdorp', 'Oegstgeest', 'Voorschoten', 'Zoeterwoude']);
		expect(rows[0].inhabitants).toBe(128_000);
	});

	it('saves new inhabitants from a form value, audited with old and new value', async () => {
		const change = await updateInhabitants(t.db, admin.actor, 'leiderdorp', { inhabitants: ' 28750 ' }, testOrigin);
		expect(change).toEqual({ municipalityId: 'leiderdorp', name: 'Leiderdorp', before: 28_000, after: 28_750 });
		expect(await inhabitantsOf('leiderdorp')).toBe(28_750);
		const [audit] = await auditOf('leiderdorp');
		expect(audit).toMatchObject({ actorUserId: admin.id, objectType: 'municipality', result: 'success' });
		expect(audit.details).toEqual({ field: 'inhabitants', before: 28_000, after: 28_750 });
	});

	it('accepts the bounds 0 and 10,000,000', async () => {
		await updateInhabitants(t.db, admin.actor, 'zoeterwoude', { inhabitants: 0 }, testOrigin);
		expect(await inhabitantsOf('zoeterwoude')).toBe(0);
		await updateInhabitants(t.db, admin.actor, 'zoeterwoude', { inhabitants: '10000000' }, testOrigin);
		expect(await inhabitantsOf('zoeterwoude')).toBe(10_000_000);
	});

	it.each([
		['', 'validation_required'],
		['12.5', 'validation_admin_inhabitants_integer'],
		['twaalf', 'validation_admin_inhabitants_integer'],
		['128.000,5', 'validation_admin_inhabitants_integer'],
		['-1', 'validation_admin_inhabitants_range'],
		['10000001', 'validation_admin_inhabitants_range']
	])('refuses %j with %s and changes nothing', async (value, key) => {
		const before = await inhabitantsOf('oegstgeest');
		const audits = (await auditOf('oegstgeest')).length;
		const err = await updateInhabitants(t.db, admin.actor, 'oegstgeest', { inhabitants: value }, testOrigin).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fields).toEqual({ inhabitants: key });
		expect(await inhabitantsOf('oegstgeest')).toBe(before);
		expect(await auditOf('oegstgeest')).toHaveLength(audits);
	});

	it('answers "not found" for an unknown municipality', async () => {
		await expect(updateInhabitants(t.db, admin.actor, 'katwijk', { inhabitants: 5 }, testOrigin)).rejects.toMatchObject({
			key: 'admin_municipality_not_found',
			status: 404
		});
	});

	it('writes no audit row when the number stays the same', async () => {
		const current = await inhabitantsOf('voorschoten');
		await updateInhabitants(t.db, admin.actor, 'voorschoten', { inhabitants: current }, testOrigin);
		expect(await auditOf('voorschoten')).toHaveLength(0);
	});
});
