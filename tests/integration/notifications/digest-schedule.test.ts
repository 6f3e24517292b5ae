/** The daily digest on the real job queue: one schedule on the digest queue, at DIGEST_HOUR in Europe/Amsterdam. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { startQueue, stopQueue } from '../../../src/lib/server/queue';
import { digestWorker } from '../../../src/lib/server/modules/notifications';
import { readConfig } from '../../../src/lib/server/config';

let t: TestDb;
beforeAll(async () => (t = await testDb()));
afterAll(async () => {
	await stopQueue();
	await destroy(t);
});

describe('digest schedule', () => {
	it('is registered once, however often a node starts', async () => {
		const boss = await startQueue(t, [digestWorker(t.db)]);
		await digestWorker(t.db)(boss);
		// pg-boss keeps the time zone in its own column (its typings leave it out).
		const schedules = (await boss.getSchedules()) as { name: string; cron: string; timezone: string }[];
		expect(schedules.map((s) => ({ name: s.name, cron: s.cron, tz: s.timezone }))).toEqual([
			{ name: 'mail-digest', cron: `0 ${readConfig().digestHour} * * *`, tz: 'Europe/Amsterdam' }
		]);
	});
});
