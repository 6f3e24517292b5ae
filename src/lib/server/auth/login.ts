import { eq, sql } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { Db } from '../db';
import { users } from '../db/schema';
import { record, type Origin } from '../modules/audit';
import { passwordOffFor } from '../modules/sign-in';
import { DomainError } from '../errors';
import { parse } from '../validate';
import { createAuthSession, type NewAuthSession } from './auth-session';
import { verifyAgainstNothing, verifyPassword } from './password';
import { attackDelayMs, clearFailures, failureCount, loginLimits, registerFailure, retryAfter } from './rate-limit';

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

const address = (ip: string | null) => ip ?? 'onbekend';
const pairKey = (email: string, ip: string | null) => `login:pair:${address(ip)}:${email}`;
const addressKey = (ip: string | null) => `login:address:${address(ip)}`;
const accountKey = (email: string) => `login:account:${email}`;

/**
 * Refuses (and audits) an address that guessed too often: for this account, or for any. Only the guessing
 * address is refused; the account itself is never locked (docs/security.md).
 */
async function refuseGuessingAddress(db: Db, email: string, origin: Origin, now: Date): Promise<void> {
	const wait = Math.max(
		await retryAfter(db, pairKey(email, origin.ip), loginLimits.pair, now),
		await retryAfter(db, addressKey(origin.ip), loginLimits.address, now)
	);
	if (wait <= 0) return;
	await record(db, {
		actor: null,
		actorLabel: email,
		action: 'auth.logged_in',
		objectType: 'user',
		result: 'denied',
		origin,
		details: { reason: 'rate_limited' }
	});
	throw new DomainError('auth_rate_limited_address', { minutes: Math.ceil(wait / 60) }, {}, 429);
}

/**
 * When a municipality requires its own sign-in service, its people's passwords no longer open the portal. Asked
 * only after the right password, so the answer tells a guesser nothing about the account.
 */
async function refusePasswordWhenProviderRequired(db: Db, user: { id: string; email: string }, origin: Origin): Promise<void> {
	const off = await passwordOffFor(db, user.id);
	if (!off) return;
	await record(db, {
		actor: null,
		actorLabel: user.email,
		action: 'auth.logged_in',
		objectType: 'user',
		objectId: user.id,
		result: 'denied',
		origin,
		details: { reason: 'password_off', providerId: off.providerId }
	});
	throw off.refusal;
}

/**
 * Password login: an address that keeps guessing is refused, an account under attack slows every attempt
 * (the right password still gets in); every attempt audited, a new token on success.
 * `pause` waits that delay (tests pass their own).
 */
export async function login(db: Db, input: unknown, origin: Origin, now = new Date(), pause: (ms: number) => Promise<unknown> = sleep): Promise<LoginResult> {
	const { email, password } = parse(loginSchema, input);
	await refuseGuessingAddress(db, email, origin, now);
	const delayedMs = attackDelayMs(await failureCount(db, accountKey(email), loginLimits.account, now));
	if (delayedMs) await pause(delayedMs);
	const slowed = delayedMs ? { delayedMs } : {};
	const [user] = await db
		.select()
		.from(users)
		.where(eq(sql`lower(${users.email})`, email));
	const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password);
	if (!user || !ok || user.disabledAt) {
		await db.transaction(async (tx) => {
			await registerFailure(tx, pairKey(email, origin.ip), loginLimits.pair, now);
			await registerFailure(tx, addressKey(origin.ip), loginLimits.address, now);
			await registerFailure(tx, accountKey(email), loginLimits.account, now);
			const reason = user && ok ? 'disabled' : 'bad_credentials';
			await record(tx, {
				actor: null,
				actorLabel: email,
				action: 'auth.logged_in',
				objectType: 'user',
				objectId: user?.id,
				result: 'failure',
				origin,
				details: { reason, ...slowed }
			});
		});
		throw new DomainError(user && ok ? 'auth_account_disabled' : 'auth_bad_credentials', {}, {}, 400);
	}
	await refusePasswordWhenProviderRequired(db, user, origin);
	return db.transaction(async (tx) => {
		// The owner's own typos from this address are forgiven; the account's count of an attack is not.
		await clearFailures(tx, pairKey(email, origin.ip));
		const needsTwoFactor = !!user.totpEnabledAt;
		const created = await createAuthSession(tx, user.id, origin, { twoFactorVerified: false, now });
		await tx.update(users).set({ lastSignInAt: now, lastSignInMethod: 'password' }).where(eq(users.id, user.id));
		await record(tx, {
			actor: { userId: user.id, name: user.name },
			action: 'auth.logged_in',
			objectType: 'user',
			objectId: user.id,
			origin,
			details: { stage: needsTwoFactor ? 'password' : 'complete', ...slowed }
		});
		return { ...created, needsTwoFactor, locale: user.locale };
	});
}
