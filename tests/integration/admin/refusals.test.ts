import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { createAuthSession } from '../../../src/lib/server/auth/auth-session';
import { auditEvents, authSessions, emailTokens, mailOutbox, memberships, municipalities, users } from '../../../src/lib/server/db/schema';
import { ForbiddenError, type Actor } from '../../../src/lib/server/permissions';
import * as usersModule from '../../../src/lib/server/modules/users';
import * as municipalitiesModule from '../../../src/lib/server/modules/municipalities';
import { auditFilterChoices, listAuditEvents } from '../../../src/lib/server/modules/audit';
import { listOutbox, resendMail } from '../../../src/lib/server/modules/mail';
import type { Role } from '../../../src/lib/roles';

const SITE = 'https://regioportaal.example';
let t: TestDb;
let target: NewUser;
const outsiders: [string, Actor | null][] = [];

beforeAll(async () => {
	t = await testDb();
	target = await newUser(t.db, [['meelezer', 'leiden']], { name: 'Doelwit' });
	await createAuthSession(t.db, target.id, testOrigin, { twoFactorVerified: false });
	const grants: [string, [Role, string | null][]][] = [
		['verkenner', [['verkenner', null]]],
		['klankbordgroeplid', [['klankbordgroeplid', 'leiden']]],
		['collegelid', [['collegelid', 'leiderdorp']]],
		['griffie', [['griffie', 'oegstgeest']]],
		['meelezer', [['meelezer', 'voorschoten']]],
		['no role', []]
	];
	for (const [label, g] of grants) outsiders.push([label, (await newUser(t.db, g)).actor]);
	outsiders.push(['anonymous', null]);
});
afterAll(() => destroy(t));

/** Everything any administration use case could write. */
async function footprint() {
	const tables = { users, memberships, emailTokens, mailOutbox, auditEvents, authSessions };
	const counts: Record<string, number> = {};
	for (const [name, table] of Object.entries(tables)) counts[name] = (await t.db.select({ n: count() }).from(table))[0].n;
	const rows = await t.db.select().from(municipalities);
	return { counts, users: await t.db.select().from(users), inhabitants: rows.map((r) => r.inhabitants) };
}

/** Every use case of the administration area, with input that would succeed for an administrator. */
const useCases: [string, (actor: Actor | null) => Promise<unknown>][] = [
	['inviteUser', (a) => usersModule.inviteUser(t.db, a, { name: 'X', email: 'x@leiden.nl', grants: ['verkenner'] }, testOrigin, SITE)],
	['inviteUser with invalid input', (a) => usersModule.inviteUser(t.db, a, {}, testOrigin, SITE)],
	['resendInvitation', (a) => usersModule.resendInvitation(t.db, a, target.id, testOrigin, SITE)],
	['updateUser', (a) => usersModule.updateUser(t.db, a, target.id, { name: 'Anders' }, testOrigin)],
	['setRoles', (a) => usersModule.setRoles(t.db, a, target.id, { grants: ['administrator'] }, testOrigin)],
	['disableUser', (a) => usersModule.disableUser(t.db, a, target.id, testOrigin)],
	['enableUser', (a) => usersModule.enableUser(t.db, a, target.id, testOrigin)],
	['resetTwoFactor', (a) => usersModule.resetTwoFactor(t.db, a, target.id, testOrigin)],
	['listUsers', (a) => usersModule.listUsers(t.db, a, {})],
	['getUser', (a) => usersModule.getUser(t.db, a, target.id)],
	['grantableMunicipalities', (a) => usersModule.grantableMunicipalities(t.db, a)],
	['updateInhabitants', (a) => municipalitiesModule.updateInhabitants(t.db, a, 'leiden', { inhabitants: 1 }, testOrigin)],
	['listMunicipalitiesForAdmin', (a) => municipalitiesModule.listMunicipalitiesForAdmin(t.db, a)],
	['listAuditEvents', (a) => listAuditEvents(t.db, a, {})],
	['auditFilterChoices', (a) => auditFilterChoices(t.db, a, { page: 1 })],
	['listOutbox', (a) => listOutbox(t.db, a, {})],
	['resendMail', (a) => resendMail(t.db, a, { id: '00000000-0000-4000-8000-000000000000' }, testOrigin)]
];

describe('the administration area refuses everyone but administrators', () => {
	it.each(useCases)('%s: ForbiddenError for every other role, and nothing stored', async (_, run) => {
		const before = await footprint();
		for (const [label, actor] of outsiders) {
			const err = await run(actor).then(
				() => null,
				(e) => e
			);
			expect(err, label).toBeInstanceOf(ForbiddenError);
		}
		expect(await footprint()).toEqual(before);
	});
});
