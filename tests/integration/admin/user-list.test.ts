import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { users } from '../../../src/lib/server/db/schema';
import { inviteUser } from '../../../src/lib/server/modules/users/invite-user';
import { getUser, listUsers, USERS_PAGE_SIZE } from '../../../src/lib/server/modules/users/queries';

let t: TestDb;
let admin: NewUser;
let invitedId: string;

beforeAll(async () => {
	t = await testDb();
	admin = await newUser(t.db, [['administrator', null]], { name: 'Aad Beheer', email: 'aad@regio.nl' });
	await newUser(
		t.db,
		[
			['klankbordgroeplid', 'leiden'],
			['collegelid', 'leiden']
		],
		{ name: 'Lieke Leiden', email: 'lieke@leiden.nl' }
	);
	await newUser(t.db, [['collegelid', 'leiderdorp']], { name: 'Dirk Dorp', email: 'dirk@leiderdorp.nl' });
	await newUser(t.db, [['meelezer', 'leiden']], { name: 'Uit Geschakeld', email: 'uit@leiden.nl', disabled: true });
	const twoFactor = await newUser(t.db, [['verkenner', null]], { name: 'Vera 100% Verkenner', email: 'vera@regio.nl' });
	await t.db.update(users).set({ totpEnabledAt: new Date() }).where(eq(users.id, twoFactor.id));
	({ userId: invitedId } = await inviteUser(
		t.db,
		admin.actor,
		{ name: 'Ingrid Uitgenodigd', email: 'ingrid@oegstgeest.nl', grants: ['griffie:oegstgeest'] },
		testOrigin,
		'http://localhost'
	));
});
afterAll(() => destroy(t));

const names = async (filters: Record<string, unknown>) => (await listUsers(t.db, admin.actor, filters)).users.map((u) => u.name);

describe('the user list', () => {
	it('shows name, e-mail, roles with municipality, 2FA and status, sorted by name', async () => {
		const { users: rows, total } = await listUsers(t.db, admin.actor, {});
		expect(total).toBe(6);
		expect(rows.map((u) => u.name)).toEqual(['Aad Beheer', 'Dirk Dorp', 'Ingrid Uitgenodigd', 'Lieke Leiden', 'Uit Geschakeld', 'Vera 100% Verkenner']);
		const lieke = rows.find((u) => u.name === 'Lieke Leiden')!;
		expect(lieke).toMatchObject({ email: 'lieke@leiden.nl', status: 'active', twoFactor: false });
		expect(lieke.grants).toEqual([
			{ role: 'klankbordgroeplid', municipalityId: 'leiden' },
			{ role: 'collegelid', municipalityId: 'leiden' }
		]);
		expect(rows.find((u) => u.name === 'Ingrid Uitgenodigd')?.status).toBe('invited');
		expect(rows.find((u) => u.name === 'Uit Geschakeld')?.status).toBe('disabled');
		expect(rows.find((u) => u.name.startsWith('Vera'))).toMatchObject({ twoFactor: true, grants: [{ role: 'verkenner', municipalityId: null }] });
	});

	it('searches name and e-mail, case-insensitively, with % meaning itself', async () => {
		expect(await names({ search: 'LIEKE' })).toEqual(['Lieke Leiden']);
		expect(await names({ search: '@leiderdorp' })).toEqual(['Dirk Dorp']);
		expect(await names({ search: '100%' })).toEqual(['Vera 100% Verkenner']);
		expect(await names({ search: '%' })).toEqual(['Vera 100% Verkenner']);
	});

	it('filters by role, municipality and both together (one membership holding both)', async () => {
		expect(await names({ role: 'collegelid' })).toEqual(['Dirk Dorp', 'Lieke Leiden']);
		expect(await names({ municipalityId: 'leiden' })).toEqual(['Lieke Leiden', 'Uit Geschakeld']);
		expect(await names({ role: 'collegelid', municipalityId: 'leiderdorp' })).toEqual(['Dirk Dorp']);
		expect(await names({ role: 'meelezer', municipalityId: 'leiderdorp' })).toEqual([]);
	});

	it('filters by status and ignores unknown filter values', async () => {
		expect(await names({ status: 'invited' })).toEqual(['Ingrid Uitgenodigd']);
		expect(await names({ status: 'disabled' })).toEqual(['Uit Geschakeld']);
		expect(await names({ role: 'burgemeester', municipalityId: 'katwijk', status: '?' })).toHaveLength(6);
	});

	it('pages by 50, every user on a page with their roles', async () => {
		for (let i = 0; i < USERS_PAGE_SIZE; i++) await newUser(t.db, [['meelezer', 'zoeterwoude']], { name: `Zz Lezer ${String(i).padStart(2, '0')}` });
		const p1 = await listUsers(t.db, admin.actor, { page: 1 });
		const p2 = await listUsers(t.db, admin.actor, { page: '2' });
		expect(p1.pageCount).toBe(2);
		expect(p1.users).toHaveLength(USERS_PAGE_SIZE);
		expect(p2.users).toHaveLength(6);
		expect(p2.users.every((u) => u.grants.length === 1)).toBe(true);
	});
});

describe('one user', () => {
	it('shows an invited user with the end of their open link', async () => {
		const user = await getUser(t.db, admin.actor, invitedId);
		expect(user).toMatchObject({ name: 'Ingrid Uitgenodigd', status: 'invited', grants: [{ role: 'griffie', municipalityId: 'oegstgeest' }] });
		expect(user.invitationExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
	});

	it('answers "not found" for an unknown id', async () => {
		await expect(getUser(t.db, admin.actor, crypto.randomUUID())).rejects.toMatchObject({ key: 'admin_user_not_found', status: 404 });
		await expect(getUser(t.db, admin.actor, '../etc')).rejects.toMatchObject({ status: 404 });
	});
});
