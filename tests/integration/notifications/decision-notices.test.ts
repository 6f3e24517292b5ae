/**
 * Who is told about decisions, in the portal: written with the command that caused it (nothing when it is
 * refused), to the right role of the right municipalities, never to whoever caused it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { notifications } from '../../../src/lib/server/db/schema';
import { reopenItem, transitionItem } from '../../../src/lib/server/modules/agenda-items';
import { recordSignOff } from '../../../src/lib/server/modules/decisions';
import { listNotifications } from '../../../src/lib/server/modules/comments';
import { subscribe } from '../../../src/lib/server/bus';
import { itemWith, readyItem, sessionConfirmed, signInput } from '../decisions/helpers';

let t: TestDb;
let verkenner: NewUser;
let collegeLeiden: NewUser;
let collegeOegstgeest: NewUser;
let collegeVoorschoten: NewUser;
let griffieLeiden: NewUser;
let kbLeiden: NewUser;

beforeAll(async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]], { name: 'Vera Verkenner' });
	collegeLeiden = await newUser(t.db, [['collegelid', 'leiden']]);
	collegeOegstgeest = await newUser(t.db, [['collegelid', 'oegstgeest']]);
	collegeVoorschoten = await newUser(t.db, [['collegelid', 'voorschoten']]);
	griffieLeiden = await newUser(t.db, [['griffie', 'leiden']]);
	kbLeiden = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
});
afterAll(() => destroy(t));

const noticesOf = (user: NewUser, itemId: string) =>
	t.db
		.select()
		.from(notifications)
		.where(and(eq(notifications.userId, user.id), eq(notifications.itemId, itemId)));

describe('decision notices', () => {
	it('in bespreking asks the klankbordgroep, up for decision asks the colleges of the participants only', async () => {
		const id = await itemWith(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		const announced: string[] = [];
		const stop = subscribe('notification.created', 'test-notices', (e) => void announced.push(`${e.userId}:${e.notification.kind}`));
		try {
			await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'concept', to: 'in_bespreking' }, testOrigin);
			expect((await noticesOf(kbLeiden, id)).map((n) => n.kind)).toEqual(['position_requested']);
			await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, testOrigin);
		} finally {
			stop();
		}
		const [leiden] = await noticesOf(collegeLeiden, id);
		expect(leiden).toMatchObject({
			kind: 'decision_requested',
			actorName: 'Vera Verkenner',
			details: { municipalityId: 'leiden', version: expect.any(Number) }
		});
		expect((await noticesOf(collegeOegstgeest, id)).map((n) => n.kind)).toEqual(['decision_requested']);
		expect(await noticesOf(collegeVoorschoten, id)).toEqual([]);
		expect(await noticesOf(verkenner, id)).toEqual([]);
		// Announced after the commit, for the live count in the header.
		expect(announced).toContain(`${collegeLeiden.id}:decision_requested`);
		const view = (await listNotifications(t.db, collegeLeiden.actor)).find((n) => n.itemId === id);
		expect(view).toMatchObject({ kind: 'decision_requested', details: { municipalityId: 'leiden' }, commentId: null });
	});

	it('a refused command tells no one', async () => {
		const id = await itemWith(t.db, verkenner.actor, ['leiden']);
		await expect(transitionItem(t.db, kbLeiden.actor, { itemId: id, from: 'concept', to: 'gereed_voor_besluitvorming' }, testOrigin)).rejects.toThrow();
		expect(await noticesOf(collegeLeiden, id)).toEqual([]);
	});

	it('adopted asks the griffies; a reopen tells the colleges and griffies whose decisions were voided, with the reason', async () => {
		const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden']);
		await recordSignOff(t.db, collegeLeiden.actor, sessionConfirmed(), signInput(id, 'leiden', frozen), testOrigin);
		expect((await noticesOf(griffieLeiden, id)).map((n) => n.kind)).toEqual(['council_requested']);
		await reopenItem(t.db, verkenner.actor, { itemId: id, from: 'vastgesteld', reason: 'Kosten herzien' }, testOrigin);
		for (const who of [collegeLeiden, griffieLeiden]) {
			const voided = (await noticesOf(who, id)).find((n) => n.kind === 'decision_voided');
			expect(voided?.details).toMatchObject({ municipalityId: 'leiden', reason: 'reopened', note: 'Kosten herzien', version: frozen.number });
		}
		expect((await noticesOf(collegeOegstgeest, id)).some((n) => n.kind === 'decision_voided')).toBe(false);
	});
});
