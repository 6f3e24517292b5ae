import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { ambitions, memberships, municipalities, users } from '../db/schema';
import { hashPassword } from '../auth/password';
import { ambitionSeed, municipalitySeed } from './region';
import { DEMO_PASSWORD, demoAccounts } from './demo-accounts';

export interface SeedResult {
	region: boolean;
	demo: boolean;
}

/**
 * Loads the region into a database without it, and the demo accounts (when allowed) only into a
 * database without any account: demo data never mixes with real people.
 */
export async function seedIfEmpty(db: Db, opts: { demo: boolean }): Promise<SeedResult> {
	return db.transaction(async (tx) => {
		// One seeder at a time, also across app nodes starting together.
		await tx.execute(sql`select pg_advisory_xact_lock(20271)`);
		const [{ n: regionRows }] = await tx.select({ n: sql<number>`count(*)::int` }).from(municipalities);
		const [{ n: userRows }] = await tx.select({ n: sql<number>`count(*)::int` }).from(users);
		const region = regionRows === 0;
		const demo = opts.demo && userRows === 0;
		if (region) {
			await tx.insert(municipalities).values(municipalitySeed);
			await tx.insert(ambitions).values(ambitionSeed);
		}
		if (demo) await insertDemoAccounts(tx as unknown as Db);
		return { region, demo };
	});
}

/** Demo accounts share one password hash: hashing once per account would only slow the first start. */
export async function insertDemoAccounts(db: Db): Promise<void> {
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const created = await db
		.insert(users)
		.values(demoAccounts.map((a) => ({ email: a.email, name: a.name, passwordHash })))
		.returning({ id: users.id, email: users.email });
	const idByEmail = new Map(created.map((u) => [u.email, u.id]));
	await db.insert(memberships).values(demoAccounts.map((a) => ({ userId: idByEmail.get(a.email)!, role: a.role, municipalityId: a.municipalityId })));
}
