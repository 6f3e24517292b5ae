import type { Db, DbHandle } from '../db';
import { seedIfEmpty } from '.';
import { seedDemoAgenda } from './demo-agenda';
import { seedDemoMeetings } from './demo-meetings';
import { seedDemoRegister } from './demo-register';

/**
 * What every start does to its database: the migrations, the region into a database without it, and (when
 * allowed) the demo accounts with the whole demo story into a database without any account.
 */
export async function prepareDatabase(handle: DbHandle, opts: { demo: boolean }): Promise<void> {
	await handle.migrate();
	const seeded = await seedIfEmpty(handle.db, opts);
	if (seeded.demo) await tellDemoStory(handle.db);
}

/** The demo's agenda, sessions and register, after the demo accounts. */
export async function tellDemoStory(db: Db): Promise<void> {
	await seedDemoAgenda(db);
	await seedDemoMeetings(db);
	await seedDemoRegister(db);
}
