import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { createAuthSession } from '../../../src/lib/server/auth/auth-session';
import { authenticate } from '../../../src/lib/server/auth/authenticate';
import { setRoles } from '../../../src/lib/server/modules/users/set-roles';

/**
 * A signed-in request reads its session together with the database's snapshot; what was read at one snapshot
 * (the person's grants here, the list pages in http/list-page-cache.ts) serves every request at that snapshot,
 * and any committed write starts a new one.
 */
let t: TestDb;
let admin: NewUser;
let statements = 0;

beforeAll(async () => {
	t = await testDb({ logger: { logQuery: () => void statements++ } });
	admin = await newUser(t.db, [['administrator', null]]);
});
afterAll(() => destroy(t));

async function counted<T>(run: () => Promise<T>): Promise<{ result: T; statements: number }> {
	const before = statements;
	const result = await run();
	return { result, statements: statements - before };
}

/** On a PostgreSQL server the snapshot covers the whole cluster (other tests write meanwhile): try a few times. */
async function inOneSnapshot<T extends { same: boolean }>(attempt: () => Promise<T>): Promise<T> {
	let last = await attempt();
	for (let n = 1; n < 20 && !last.same; n++) last = await attempt();
	return last;
}

describe('a session read with its snapshot', () => {
	it('reads the grants once per snapshot: a request at the same snapshot costs one statement', async () => {
		const member = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
		const { token } = await createAuthSession(t.db, member.id, testOrigin, { twoFactorVerified: false });
		const pair = await inOneSnapshot(async () => {
			const first = await counted(() => authenticate(t.db, token));
			const again = await counted(() => authenticate(t.db, token));
			return { first, again, same: first.result!.snapshot === again.result!.snapshot };
		});
		expect(pair.same).toBe(true);
		expect(pair.again.statements).toBe(1);
		expect(pair.again.result!.actor).toEqual(pair.first.result!.actor);
	});

	it('sees a changed role at the next request: the change is a commit, so a new snapshot', async () => {
		const member = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
		const { token } = await createAuthSession(t.db, member.id, testOrigin, { twoFactorVerified: false });
		const before = (await authenticate(t.db, token))!;
		expect(before.actor.grants).toEqual([{ role: 'klankbordgroeplid', municipalityId: 'leiden' }]);
		await setRoles(t.db, admin.actor, member.id, { grants: ['collegelid:leiderdorp'] }, testOrigin);
		const after = (await authenticate(t.db, token))!;
		expect(after.snapshot).not.toBe(before.snapshot);
		expect(after.actor.grants).toEqual([{ role: 'collegelid', municipalityId: 'leiderdorp' }]);
	});
});
