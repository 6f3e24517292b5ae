import { like } from 'drizzle-orm';
import type { Db } from '../db';
import { users } from '../db/schema';
import type { Actor } from '../permissions';
import type { Origin } from '../modules/audit';
import { loadActor } from '../modules/users';
import { DEMO_DOMAIN } from './demo-accounts';

/** Every demo act is recorded as coming from the demo data (the audit trail says so). */
export const demoOrigin: Origin = { ip: null, userAgent: 'demo-data' };

/**
 * The demo accounts as actors, by the part of their e-mail before the @ (`verkenner`, `klankbord.leiden`,
 * `college.zoeterwoude`, …): the demo story is played by the people it is about, with their own roles.
 */
export type DemoPeople = (account: string) => Actor;

export async function demoPeople(db: Db): Promise<DemoPeople | null> {
	const rows = await db
		.select()
		.from(users)
		.where(like(users.email, `%@${DEMO_DOMAIN}`));
	if (!rows.some((u) => u.email === `verkenner@${DEMO_DOMAIN}`)) return null;
	const actors = new Map<string, Actor>();
	for (const u of rows) actors.set(u.email.split('@')[0], await loadActor(db, u));
	return (account) => {
		const actor = actors.get(account);
		if (!actor) throw new Error(`demo data: no demo account ${account}`);
		return actor;
	};
}
