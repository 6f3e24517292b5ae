import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { testOrigin } from '../../fixtures/factories';
import { auditEvents } from '../../../src/lib/server/db/schema';
import { record as recordTyped, type AuditEntry } from '../../../src/lib/server/modules/audit';
import type { Queryable } from '../../../src/lib/server/db';

/** The trail as a mechanism: rows of actions no command records, so not of the typed union. */
type AnyEntry = Omit<AuditEntry, 'action' | 'details'> & { action: string; details?: Record<string, unknown> };
const record = recordTyped as unknown as (q: Queryable, entry: AnyEntry) => Promise<void>;

let t: TestDb;

/** Drizzle wraps driver errors; the database's own message is in `cause`. */
async function refusal(run: Promise<unknown>): Promise<string> {
	try {
		await run;
	} catch (err) {
		const e = err as Error & { cause?: Error };
		return e.cause?.message ?? e.message;
	}
	return 'not refused';
}
beforeAll(async () => (t = await testDb()));
afterAll(() => destroy(t));

describe('audit trail', () => {
	it('appends rows with actor, action, object, result, origin and a UTC time', async () => {
		await record(t.db, {
			actor: { userId: '00000000-0000-4000-8000-000000000001', name: 'Anouk de Vries' },
			action: 'test.happened',
			objectType: 'thing',
			objectId: '42',
			origin: testOrigin
		});
		const [row] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'test.happened'));
		expect(row).toMatchObject({ actorLabel: 'Anouk de Vries', objectType: 'thing', objectId: '42', result: 'success', ip: testOrigin.ip, userAgent: 'vitest' });
		expect(row.at).toBeInstanceOf(Date);
	});

	it('refuses UPDATE', async () => {
		await record(t.db, { actor: null, action: 'test.update', objectType: 'thing', origin: testOrigin });
		expect(await refusal(t.db.update(auditEvents).set({ result: 'failure' }).where(eq(auditEvents.action, 'test.update')))).toMatch(/append-only/);
		const [row] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'test.update'));
		expect(row.result).toBe('success');
	});

	it('refuses DELETE and TRUNCATE', async () => {
		await record(t.db, { actor: null, action: 'test.delete', objectType: 'thing', origin: testOrigin });
		expect(await refusal(t.db.delete(auditEvents).where(eq(auditEvents.action, 'test.delete')))).toMatch(/append-only/);
		expect(await refusal(t.db.execute(sql`truncate audit_events`))).toMatch(/append-only/);
		expect(await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'test.delete'))).toHaveLength(1);
	});

	it('never stores a secret in the details', async () => {
		await record(t.db, {
			actor: null,
			action: 'test.secret',
			objectType: 'thing',
			origin: testOrigin,
			details: { password: 'hunter2hunter2', token: 'abc', totpCode: '123456', reason: 'zichtbaar' }
		});
		const [row] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'test.secret'));
		expect(row.details).toEqual({ reason: 'zichtbaar' });
	});
});
