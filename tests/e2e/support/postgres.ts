import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createDb } from '../../../src/lib/server/db';
import { seedIfEmpty } from '../../../src/lib/server/seed';
import { seedDemoAgenda } from '../../../src/lib/server/seed/demo-agenda';
import { seedDemoMeetings } from '../../../src/lib/server/seed/demo-meetings';

export interface PostgresDatabase {
	url: string;
	drop(): Promise<void>;
}

/**
 * A new, empty database on the PostgreSQL server of `serverUrl`, migrated and with the demo data (accounts,
 * agenda items, the demo session):
 * the production server never loads demo data into PostgreSQL on its own, and the tests must not
 * touch a database someone else uses.
 */
export async function createPostgresDatabase(serverUrl: string): Promise<PostgresDatabase> {
	const name = `rp_e2e_${Date.now()}_${randomBytes(3).toString('hex')}`;
	const admin = await createDb({ url: serverUrl, max: 1 });
	await admin.db.execute(sql.raw(`create database ${name}`));
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const handle = await createDb({ url: url.toString(), max: 2 });
	try {
		await handle.migrate();
		// As the server seeds an empty embedded database (and `npm run db:seed -- --demo`): accounts, items, session.
		const seeded = await seedIfEmpty(handle.db, { demo: true });
		if (seeded.demo) await seedDemoAgenda(handle.db);
		if (seeded.demo) await seedDemoMeetings(handle.db);
	} finally {
		await handle.close();
	}
	return {
		url: url.toString(),
		drop: async () => {
			await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
			await admin.close();
		}
	};
}

/** The PostgreSQL server the tests create their databases on: DATABASE_URL when it names one, else the local one. */
export const PG_SERVER = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : 'postgres://postgres@127.0.0.1:5432/postgres';

/** Why the PostgreSQL tests cannot run (the server is not reachable), or null when they can. */
export async function postgresMissing(): Promise<string | null> {
	try {
		const probe = await createDb({ url: PG_SERVER, max: 1 });
		await probe.ping();
		await probe.close();
		return null;
	} catch (err) {
		return `PostgreSQL is not reachable at ${PG_SERVER} (${(err as Error).message})`;
	}
}
