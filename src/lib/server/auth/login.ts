import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db';
import { users } from '../db/schema';
import { record, type Origin } from '../modules/audit';
import { DomainError } from '../errors';
import { parse } from '../validate';
import { createAuthSession, type NewAuthSession } from './auth-session';
import { verifyAgainstNothing, verifyPassword } from './password';
import { clearFailures, loginLimits, registerFailure, retryAfter } from './rate-limit';

export const loginSchema = z.object({
	email: z.string().trim().toLowerCase().email('validation_email'),
	password: z.string().min(1, 'validation_required').max(256, 'validation_password_too_long')
});

export interface LoginResult extends NewAuthSession {
	/** True when the user has 2FA and must still give a code. */
	needsTwoFactor: boolean;
	/** The interface language the user chose earlier. */
	locale: string;
}

const accountKey = (email: string) => `login:account:${email}`;
const addressKey = (ip: string | null) => `login:address:${ip ?? 'onbekend'}`;

/** Password login: limited per account and per address, every attempt audited, a new token on success. */
export async function login(db: Db, input: unknown, origin: Origin, now = new Date()): Promise<LoginResult> {
	const { email, password } = parse(loginSchema, input);
	const wait = Math.max(
		await retryAfter(db, accountKey(email), loginLimits.account, now),
		await retryAfter(db, addressKey(origin.ip), loginLimits.address, now)
	);
	if (wait > 0) {
		await record(db, {
			actor: null,
			actorLabel: email,
			action: 'auth.logged_in',
			objectType: 'user',
			result: 'denied',
			origin,
			details: { reason: 'rate_limited' }
		});
		throw new DomainError('auth_rate_limited', { minutes: Math.ceil(wait / 60) }, {}, 429);
	}
	const [user] = await db
		.select()
		.from(users)
		.where(eq(sql`lower(${users.email})`, email));
	const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password);
	if (!user || !ok || user.disabledAt) {
		await db.transaction(async (tx) => {
			await registerFailure(tx, accountKey(email), loginLimits.account, now);
			await registerFailure(tx, addressKey(origin.ip), loginLimits.address, now);
			const reason = user && ok ? 'disabled' : 'bad_credentials';
			await record(tx, {
				actor: null,
				actorLabel: email,
				action: 'auth.logged_in',
				objectType: 'user',
				objectId: user?.id,
				result: 'failure',
				origin,
				details: { reason }
			});
		});
		throw new DomainError(user && ok ? 'auth_account_disabled' : 'auth_bad_credentials', {}, {}, 400);
	}
	return db.transaction(async (tx) => {
		await clearFailures(tx, accountKey(email));
		const needsTwoFactor = !!user.totpEnabledAt;
		const created = await createAuthSession(tx, user.id, origin, { twoFactorVerified: false, now });
		await record(tx, {
			actor: { userId: user.id, name: user.name },
			action: 'auth.logged_in',
			objectType: 'user',
			objectId: user.id,
			origin,
			details: { stage: needsTwoFactor ? 'password' : 'complete' }
		});
		return { ...created, needsTwoFactor, locale: user.locale };
	});
}
