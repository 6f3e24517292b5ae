import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { seedDemoAgenda } from '../../../src/lib/server/seed/demo-agenda';
import { seedDemoMeetings } from '../../../src/lib/server/seed/demo-meetings';
import * as meetings from '../../../src/lib/server/modules/meetings';
import { loadActor } from '../../../src/lib/server/modules/users';
import { users } from '../../../src/lib/server/db/schema';
import { eq } from 'drizzle-orm';

let t: TestDb;
beforeAll(async () => {
	t = await testDb({ demo: true });
	await seedDemoAgenda(t.db);
	await seedDemoMeetings(t.db);
}, 120_000);
afterAll(() => destroy(t));

describe('demo data', () => {
	it('has one planned session with demo items on its agenda, the five klankbordgroep members invited and the verkenner as chair', async () => {
		const [v] = await t.db.select().from(users).where(eq(users.email, 'verkenner@demo.regioportaal.nl'));
		const actor = await loadActor(t.db, v);
		const list = await meetings.listMeetings(t.db, actor);
		expect(list.upcoming).toHaveLength(1);
		const detail = await meetings.getMeeting(t.db, actor, list.upcoming[0].id);
		expect(detail.meeting.status).toBe('gepland');
		expect(detail.state.entries.map((e) => e.title)).toEqual([
			'Versnelling woningbouw in de Leidse regio',
			'Economie071 en LAB071 voortzetten',
			'Studenten- en expathuisvesting voor de Kennisstad'
		]);
		expect(detail.invitees).toHaveLength(5);
		expect(detail.state.chair?.userId).toBe(v.id);
		expect(detail.meeting.startsAt.getTime()).toBeGreaterThan(Date.now());
	});
});
