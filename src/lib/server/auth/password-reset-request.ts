import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db';
import { users } from '../db/schema';
import { DomainError } from '../errors';
import { record, type Origin } from '../modules/audit';
import { enqueueMail, type Mail } from '../modules/mail';
import { m } from '../../paraglide/messages.js';
import { parse } from '../validate';
import { createEmailToken, emailTokenTtlMs } from './email-tokens';
import { registerFailure, retryAfter, type Limit } from './rate-limit';

/** Three requests per e-mail address and twenty per network address per hour: enough for a lost mail, too few to flood an inbox. */
export const resetRequestLimits = {
	email: { max: 3, windowMs: 60 * 60 * 1000 },
	address: { max: 20, windowMs: 60 * 60 * 1000 }
} as const satisfies Record<string, Limit>;

const emailKey = (email: string) => `reset:email:${email}`;
const addressKey = (ip: string | null) => `reset:address:${ip ?? 'onbekend'}`;

export const resetRequestSchema = z.object({
	email: z.string('validation_required').trim().toLowerCase().email('validation_email')
});

/**
 * "Forgot password": when the address belongs to an enabled account, a one-hour link is mailed.
 * The caller always shows the same confirmation, so the page never reveals whether an account exists.
 */
export async function requestPasswordReset(db: Db, input: unknown, origin: Origin, linkFor: (token: string) => string, now = new Date()): Promise<void> {
	const { email } = parse(resetRequestSchema, input);
	const wait = Math.max(
		await retryAfter(db, emailKey(email), resetRequestLimits.email, now),
		await retryAfter(db, addressKey(origin.ip), resetRequestLimits.address, now)
	);
	if (wait > 0) {
		await record(db, {
			actor: null,
			actorLabel: email,
			action: 'auth.password_reset_requested',
			objectType: 'user',
			result: 'denied',
			origin,
			details: { reason: 'rate_limited' }
		});
		throw new DomainError('auth_reset_rate_limited', { minutes: Math.ceil(wait / 60) }, {}, 429);
	}
	await db.transaction(async (tx) => {
		// Every request counts, found or not, so the limit itself reveals nothing either.
		await registerFailure(tx, emailKey(email), resetRequestLimits.email, now);
		await registerFailure(tx, addressKey(origin.ip), resetRequestLimits.address, now);
		const [user] = await tx
			.select()
			.from(users)
			.where(eq(sql`lower(${users.email})`, email));
		if (!user || user.disabledAt) {
			await record(tx, {
				actor: null,
				actorLabel: email,
				action: 'auth.password_reset_requested',
				objectType: 'user',
				objectId: user?.id,
				result: 'failure',
				origin,
				details: { reason: user ? 'disabled' : 'unknown_account' }
			});
			return null;
		}
		const token = await createEmailToken(tx, { userId: user.id, purpose: 'password_reset', now });
		await record(tx, { actor: null, actorLabel: email, action: 'auth.password_reset_requested', objectType: 'user', objectId: user.id, origin });
		await enqueueMail(tx, resetMail(user, linkFor(token)));
	});
}

function resetMail(user: { id: string; email: string; name: string; locale: string }, link: string): Mail {
	const locale = user.locale === 'en' ? 'en' : 'nl';
	const minutes = emailTokenTtlMs.password_reset / 60_000;
	return {
		to: user.email,
		kind: 'account',
		userId: user.id,
		subject: m.auth_reset_mail_subject({}, { locale }),
		text: m.auth_reset_mail_body({ name: user.name, link, minutes }, { locale })
	};
}
