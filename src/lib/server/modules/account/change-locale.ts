import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { users } from '../../db/schema';
import { locales } from '../../../paraglide/runtime.js';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import type { Actor } from '../../permissions';

export const localeSchema = z.object({ locale: z.enum(locales, 'validation_locale') });

/** Stores the preferred interface language (also used for e-mails); the route sets the language cookie. */
export async function changeLocale(db: Db, actor: Actor, input: unknown, origin: Origin, now = new Date()): Promise<(typeof locales)[number]> {
	const { locale } = parse(localeSchema, input);
	await db.transaction(async (tx) => {
		await tx.update(users).set({ locale, updatedAt: now }).where(eq(users.id, actor.userId));
		await record(tx, { actor, action: 'account.locale_changed', objectType: 'user', objectId: actor.userId, origin, details: { locale } });
	});
	return locale;
}
