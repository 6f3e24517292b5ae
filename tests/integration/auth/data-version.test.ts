import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { createAuthSession } from '../../../src/lib/server/auth/auth-session';
import { authenticate } from '../../../src/lib/server/auth/authenticate';
import { setRoles } from '../../../src/lib/server/modules/users/set-roles';
import * as Y from 'yjs';
import { eq, sql } from 'drizzle-orm';
import { mailOutbox, municipalities, rateLimits, users } from '../../../src/lib/server/db/schema';
import { enqueueMail } from '../../../src/lib/server/modules/mail';
import { rowsOf } from '../../../src/lib/server/db/rows';
import { appendUpdates } from '../../../src/lib/server/modules/collaboration/store';
import { newItem } from '../agenda/helpers';

/**
 * A signed-in request reads its session together with the data version; what was read at one version (the person's
 * grants here, the list pages in http/list-page-cache.ts, the search's answers) serves every request at that version.
 * Every committed change the pages can show raises it, once per transaction; co-editing keystrokes, sessions,
 * rate limits and the outbox's deliveries do not.
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

/** Another test's write may land between two reads: try a few times. */
async function atOneVersion<T extends { same: boolean }>(attempt: () => Promise<T>): Promise<T> {
	let last = await attempt();
	for (let n = 1; n < 20 && !last.same; n++) last = await attempt();
	return last;
}

describe('a session read with its data version', () => {
	it('reads the grants once per version: a request at the same version costs one statement', async () => {
		const member = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
		const { token } = await createAuthSession(t.db, member.id, testOrigin, { twoFactorVerified: false });
		const pair = await atOneVersion(async () => {
			const first = await counted(() => authenticate(t.db, token));
			const again = await counted(() => authenticate(t.db, token));
			return { first, again, same: first.result!.dataVersion === again.result!.dataVersion };
		});
		expect(pair.same).toBe(true);
		expect(pair.again.statements).toBe(1);
		expect(pair.again.result!.actor).toEqual(pair.first.result!.actor);
	});

	it('sees a changed role at the next request: the change raises the version', async () => {
		const member = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
		const { token } = await createAuthSession(t.db, member.id, testOrigin, { twoFactorVerified: false });
		const before = (await authenticate(t.db, token))!;
		expect(before.actor.grants).toEqual([{ role: 'klankbordgroeplid', municipalityId: 'leiden' }]);
		await setRoles(t.db, admin.actor, member.id, { grants: ['collegelid:leiderdorp'] }, testOrigin);
		const after = (await authenticate(t.db, token))!;
		expect(after.dataVersion).not.toBe(before.dataVersion);
		expect(after.actor.grants).toEqual([{ role: 'collegelid', municipalityId: 'leiderdorp' }]);
	});

	it('is raised once by a transaction that changes rows the pages show, not by a rolled-back one', async () => {
		const before = await version();
		await t.db.transaction(async (tx) => {
			await tx.update(users).set({ name: 'Eerste naam' }).where(eq(users.id, admin.id));
			await tx.update(users).set({ name: admin.actor.name }).where(eq(users.id, admin.id));
			await tx
				.update(municipalities)
				.set({ name: sql`${municipalities.name}` })
				.where(eq(municipalities.id, 'leiden'));
		});
		expect(await version()).toBe(before + 1n);
		await expect(
			t.db.transaction(async (tx) => {
				await tx.update(users).set({ name: 'Nooit' }).where(eq(users.id, admin.id));
				throw new Error('undone');
			})
		).rejects.toThrow('undone');
		expect(await version()).toBe(before + 1n);
	});

	it('stays the same while people type, sign in and are rate limited: no kept page shows those', async () => {
		const verkenner = await newUser(t.db, [['verkenner', null]]);
		const itemId = await newItem(t.db, verkenner.actor);
		const before = await version();
		await appendUpdates(t.db, itemId, 'description', [{ update: typed('Een woord'), userId: verkenner.id }]);
		await createAuthSession(t.db, verkenner.id, testOrigin, { twoFactorVerified: false });
		await t.db.insert(rateLimits).values({ key: 'proef', count: 1, windowStart: new Date() });
		expect(await version()).toBe(before);
	});

	it('stays the same while the outbox delivers a mail: no kept page shows the outbox', async () => {
		const id = await enqueueMail(t.db, { kind: 'account', to: admin.email, subject: 'Proef', text: 'Proef' });
		const before = await version();
		await t.db.update(mailOutbox).set({ state: 'sending', attempts: 1, lastAttemptAt: new Date() }).where(eq(mailOutbox.id, id));
		await t.db.update(mailOutbox).set({ state: 'sent', sentAt: new Date() }).where(eq(mailOutbox.id, id));
		expect(await version()).toBe(before);
	});

	it('counts every table of the portal except those left out on purpose (a new table must be counted too)', async () => {
		const uncounted = rowsOf<{ name: string }>(
			await t.db.execute(sql`
				select c.relname as name from pg_class c join pg_namespace ns on ns.oid = c.relnamespace
				where ns.nspname = 'public' and c.relkind = 'r'
					and not exists (select 1 from pg_trigger tg where tg.tgrelid = c.oid and tg.tgname = 'data_version')
				order by 1`)
		).map((r) => r.name);
		expect(uncounted).toEqual(['auth_sessions', 'data_version', 'item_document_updates', 'mail_outbox', 'rate_limits', 'sign_in_attempts']);
	});
});

async function version(): Promise<bigint> {
	return BigInt(rowsOf<{ n: string }>(await t.db.execute(sql`select n::text as n from data_version`))[0].n);
}

function typed(text: string): Uint8Array {
	const doc = new Y.Doc();
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText(text)]);
	doc.getXmlFragment('description').insert(0, [paragraph]);
	return Y.encodeStateAsUpdate(doc);
}
