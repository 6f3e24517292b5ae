/**
 * The unsubscribe page behind the link in every mail: opening it changes nothing (mail scanners follow
 * links), posting to it turns the mail off; a tampered link gets status 400 and a clear Dutch message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { notificationPreferences } from '../../../src/lib/server/db/schema';
import { unsubscribeToken } from '../../../src/lib/server/modules/notifications';
import { actions, load } from '../../../src/routes/(auth)/afmelden/[token]/+page.server';

let t: TestDb;
let person: NewUser;
beforeAll(async () => {
	t = await testDb();
	person = await newUser(t.db, [['collegelid', 'leiden']]);
});
afterAll(() => destroy(t));

const prefs = () => t.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, person.id));
const event = (token: string) => ({ params: { token }, locals: { db: t.db, origin: testOrigin }, setHeaders: () => {} }) as never;

async function refusal(run: () => Promise<unknown>) {
	try {
		await run();
	} catch (err) {
		if (isHttpError(err)) return err;
		throw err;
	}
	throw new Error('not refused');
}

describe('/afmelden/[token]', () => {
	it('GET only asks; the POST turns that kind off', async () => {
		const token = unsubscribeToken(person.id, 'decision_requested');
		expect(await load(event(token))).toEqual({ about: 'onderwerpen die klaarliggen voor uw besluit' });
		expect(await prefs()).toEqual([]);
		expect(await actions.default(event(token))).toEqual({ done: true, about: 'onderwerpen die klaarliggen voor uw besluit' });
		expect((await prefs()).map((p) => [p.kind, p.delivery])).toEqual([['decision_requested', 'off']]);
	});

	it('a tampered link: 400 with a clear Dutch message, on opening and on posting; nothing stored', async () => {
		const other = await newUser(t.db, [['griffie', 'leiden']]);
		const token = unsubscribeToken(other.id, 'all');
		const tampered = token.replace(`${other.id}.all.`, `${other.id}.mention.`);
		for (const run of [() => load(event(tampered)), () => actions.default(event(tampered))]) {
			const err = await refusal(run);
			expect(err.status).toBe(400);
			expect(err.body.message).toMatch(/^Deze afmeldlink klopt niet.*Er is niets gewijzigd\./);
		}
		expect(await t.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, other.id))).toEqual([]);
	});
});
