import { expect } from 'vitest';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP, generateTOTP } from '@oslojs/otp';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../src/lib/server/db';
import { auditEvents, users } from '../../../src/lib/server/db/schema';
import { createAuthSession } from '../../../src/lib/server/auth/auth-session';
import { beginTwoFactorEnrolment, confirmTwoFactorEnrolment } from '../../../src/lib/server/auth/two-factor-enrolment';
import { DomainError } from '../../../src/lib/server/errors';
import { testOrigin, type NewUser } from '../../fixtures/factories';

// The TOTP key is encrypted with the app secret; keep tests from writing ./data/secret.key.
process.env.APP_SECRET ??= 'integration-test-secret';

/** The code an authenticator app shows now. */
export const totpNow = (key: Uint8Array) => generateTOTP(key, 30, 6);

/** The code an authenticator app shows at a given moment. */
export const totpAt = (key: Uint8Array, at: Date) => generateHOTP(key, BigInt(Math.floor(at.getTime() / 30_000)), 6);

/**
 * The current code, as if the last one was used a minute ago: a code works only once
 * (RFC 6238), so a test that uses several codes in a row lets time pass this way.
 */
export async function freshCode(db: Db, userId: string, key: Uint8Array): Promise<string> {
	const minuteAgo = Math.floor(Date.now() / 30_000) - 2;
	await db.update(users).set({ totpLastUsedStep: minuteAgo }).where(eq(users.id, userId));
	return totpNow(key);
}

/** A six-digit code that is certainly not the current one. */
export const wrongCode = (key: Uint8Array) => {
	const code = totpNow(key);
	return `${(Number(code[0]) + 5) % 10}${code.slice(1)}`;
};

/** The key as the person reads it off the set-up page. */
export const keyFromText = (keyText: string) => decodeBase32IgnorePadding(keyText.replace(/\s/g, ''));

/** Logs the user in (password step done) and switches 2FA on; returns the key, the recovery codes and the session. */
export async function enrolled(db: Db, user: NewUser) {
	const login = await createAuthSession(db, user.id, testOrigin, { twoFactorVerified: false });
	const pending = beginTwoFactorEnrolment({ id: user.id, email: user.email });
	const key = keyFromText(pending.keyText);
	const codes = await confirmTwoFactorEnrolment(db, user.actor, login.session.id, { code: totpNow(key), pending: pending.pending }, testOrigin);
	return { key, codes, pending, login };
}

export async function auditOf(db: Db, userId: string) {
	return db.select().from(auditEvents).where(eq(auditEvents.objectId, userId)).orderBy(auditEvents.id);
}

/** Expects a promise to fail with a DomainError of this key; returns the error for more checks. */
export async function refusal(promise: Promise<unknown>, key: string) {
	const err = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(err, `expected DomainError ${key}`).toBeInstanceOf(DomainError);
	expect((err as DomainError).key).toBe(key);
	return err as DomainError;
}
