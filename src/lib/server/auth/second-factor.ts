import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Queryable, Tx } from '../db';
import { users } from '../db/schema';
import { DomainError } from '../errors';
import { parse } from '../validate';
import { record, type Origin } from '../modules/audit';
import type { Actor } from '../permissions';
import { markTwoFactorVerified } from './auth-session';
import { clearFailures, registerFailure, retryAfter, type Limit } from './rate-limit';
import { spendRecoveryCode, unusedRecoveryCodeCount } from './recovery-codes';
import { decryptTotpKey, matchTotpStep } from './totp';

export type Who = Pick<Actor, 'userId' | 'name'>;
/** Why a code was asked for; stored in the audit row. */
export type FactorPurpose = 'login' | 'step_up' | 'enrol' | 'disable' | 'regenerate';
export type FactorMethod = 'totp' | 'recovery_code';

/** Five wrong codes per account per quarter of an hour: with three valid codes out of a million, guessing is hopeless. */
export const twoFactorLimit: Limit = { max: 5, windowMs: 15 * 60 * 1000 };
const attemptKey = (userId: string) => `two-factor:account:${userId}`;

/** A six-digit code from the app, or a recovery code; spaces do not matter. */
export const factorCodeSchema = z
	.string('validation_two_factor_code_required')
	.transform((s) => s.replace(/\s/g, ''))
	.pipe(z.string().min(1, 'validation_two_factor_code_required').max(40, 'validation_two_factor_code_wrong'));

export const factorInputSchema = z.object({ code: factorCodeSchema });

/** Refuses (and audits) when the account has given too many wrong codes lately. */
export async function assertNotRateLimited(db: Db, who: Who, purpose: FactorPurpose, origin: Origin, now: Date) {
	const wait = await retryAfter(db, attemptKey(who.userId), twoFactorLimit, now);
	if (wait <= 0) return;
	await record(db, {
		actor: who,
		action: 'auth.two_factor_failed',
		objectType: 'user',
		objectId: who.userId,
		result: 'denied',
		origin,
		details: { purpose, reason: 'rate_limited' }
	});
	throw new DomainError('auth_two_factor_rate_limited', { minutes: Math.ceil(wait / 60) }, {}, 429);
}

/** Counts and audits a wrong code, in its own transaction (it must stick while the action is refused). */
export async function refuseWrongCode(db: Db, who: Who, purpose: FactorPurpose, origin: Origin, now: Date): Promise<never> {
	await db.transaction(async (tx) => {
		await registerFailure(tx, attemptKey(who.userId), twoFactorLimit, now);
		await record(tx, {
			actor: who,
			action: 'auth.two_factor_failed',
			objectType: 'user',
			objectId: who.userId,
			result: 'failure',
			origin,
			details: { purpose }
		});
	});
	throw new DomainError('auth_two_factor_wrong_code', {}, { code: 'validation_two_factor_code_wrong' }, 400);
}

export async function clearWrongCodes(q: Queryable, userId: string): Promise<void> {
	await clearFailures(q, attemptKey(userId));
}

/** The user's decrypted TOTP key; refuses when two-factor authentication is not set up. */
async function totpKeyOf(q: Queryable, userId: string): Promise<Uint8Array> {
	const [user] = await q.select({ key: users.totpKeyEncrypted, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
	if (!user?.key || !user.enabledAt) throw new DomainError('auth_two_factor_not_enabled', {}, {}, 409);
	return decryptTotpKey(user.key);
}

/** Accepts a TOTP step only if it is newer than the last one used: a code works once. */
async function claimTotpStep(tx: Tx, userId: string, step: number): Promise<boolean> {
	const claimed = await tx
		.update(users)
		.set({ totpLastUsedStep: step })
		.where(and(eq(users.id, userId), or(isNull(users.totpLastUsedStep), lt(users.totpLastUsedStep, step))))
		.returning({ id: users.id });
	return claimed.length === 1;
}

/** Which factor the code is: a current TOTP code, or an unused recovery code (spent by this call); null when neither. */
async function matchFactor(tx: Tx, userId: string, code: string, now: Date): Promise<FactorMethod | null> {
	const key = await totpKeyOf(tx, userId);
	if (/^\d{6}$/.test(code)) {
		const step = matchTotpStep(key, code, now);
		return step !== null && (await claimTotpStep(tx, userId, step)) ? 'totp' : null;
	}
	return (await spendRecoveryCode(tx, userId, code, now)) ? 'recovery_code' : null;
}

export interface FactorCheck {
	who: Who;
	/** The login session that is confirmed by this code (its twoFactorVerifiedAt becomes now). */
	sessionId: string;
	purpose: FactorPurpose;
	origin: Origin;
	now: Date;
}

/**
 * Verifies a second-factor code (rate limited), marks the session verified and runs `then` in the same
 * transaction, with the audit rows. A wrong code is counted, audited and refused.
 */
export async function withSecondFactor<T>(db: Db, check: FactorCheck, input: unknown, then: (tx: Tx, method: FactorMethod) => Promise<T>): Promise<T> {
	const { code } = parse(factorInputSchema, input);
	const { who, sessionId, purpose, origin, now } = check;
	await assertNotRateLimited(db, who, purpose, origin, now);
	const outcome = await db.transaction(async (tx) => {
		const method = await matchFactor(tx, who.userId, code, now);
		if (!method) return null;
		await clearWrongCodes(tx, who.userId);
		await markTwoFactorVerified(tx, sessionId, now);
		await record(tx, { actor: who, action: 'auth.two_factor_verified', objectType: 'user', objectId: who.userId, origin, details: { purpose, method } });
		if (method === 'recovery_code') {
			const remaining = await unusedRecoveryCodeCount(tx, who.userId);
			await record(tx, {
				actor: who,
				action: 'auth.two_factor_recovery_code_used',
				objectType: 'user',
				objectId: who.userId,
				origin,
				details: { purpose, remaining }
			});
		}
		return { value: await then(tx, method) };
	});
	if (!outcome) return refuseWrongCode(db, who, purpose, origin, now);
	return outcome.value;
}
