import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { memberships, users } from '../db/schema';
import { createEmailToken } from '../auth/email-tokens';
import { record } from '../modules/audit';
import { setPasswordLink } from '../auth/links';

/** The first administrator of a production database: created without password, with an invitation link. */
export async function bootstrapAdministrator(db: Db, email: string, name: string, origin: string): Promise<string> {
	if (!email || !email.includes('@')) throw new Error('Geef een e-mailadres: --admin naam@gemeente.nl "Naam"');
	return db.transaction(async (tx) => {
		const [existing] = await tx
			.select()
			.from(users)
			.where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
		if (existing) throw new Error(`Er is al een account met ${email}.`);
		const [user] = await tx.insert(users).values({ email: email.toLowerCase(), name }).returning();
		await tx.insert(memberships).values({ userId: user.id, role: 'administrator', municipalityId: null });
		const token = await createEmailToken(tx, { userId: user.id, purpose: 'invitation' });
		await record(tx, {
			actor: null,
			actorLabel: 'db:seed',
			action: 'user.invited',
			objectType: 'user',
			objectId: user.id,
			origin: { ip: null, userAgent: 'db:seed' },
			details: { role: 'administrator' }
		});
		return setPasswordLink(origin, token);
	});
}
