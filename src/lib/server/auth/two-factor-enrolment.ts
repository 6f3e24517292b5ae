import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db';
import { users } from '../db/schema';
import { DomainError } from '../errors';
import { record, type Origin } from '../modules/audit';
import { parse } from '../validate';
import { markTwoFactorVerified } from './auth-session';
import { replaceRecoveryCodes } from './recovery-codes';
import { assertNotRateLimited, clearWrongCodes, refuseWrongCode, type Who } from './second-factor';
import { decryptTotpKey, encryptTotpKey, generateTotpKey, totpKeyText, totpUri, matchTotpStep } from './totp';

const KEY_BYTES = 20;

export interface PendingEnrolment {
	/** The new key, encrypted together with the user's id; kept by the browser (HttpOnly cookie) until confirmed. */
	pending: string;
	keyText: string;
	uri: string;
}

/** Sealed with the user's id, so a pending key left in a shared browser cannot be confirmed by someone else. */
function seal(userId: string, key: Uint8Array): string {
	return encryptTotpKey(new Uint8Array([...key, ...new TextEncoder().encode(userId)]));
}

function unseal(userId: string, sealed: string | undefined): Uint8Array | null {
	if (!sealed) return null;
	try {
		const raw = decryptTotpKey(sealed);
		const owner = new TextDecoder().decode(raw.subarray(KEY_BYTES));
		return owner === userId ? raw.slice(0, KEY_BYTES) : null;
	} catch {
		return null; // tampered with, or sealed under another APP_SECRET
	}
}

/** Step one: a new key (or the one still pending, so a reload shows the same QR code), as text and otpauth URI. */
export function beginTwoFactorEnrolment(user: { id: string; email: string }, pending?: string): PendingEnrolment {
	const key = unseal(user.id, pending) ?? generateTotpKey();
	return { pending: seal(user.id, key), keyText: totpKeyText(key), uri: totpUri(key, user.email) };
}

const confirmSchema = z.object({
	code: z
		.string('validation_two_factor_code_required')
		.transform((s) => s.replace(/\s/g, ''))
		.pipe(z.string().regex(/^\d{6}$/, 'validation_two_factor_code_digits')),
	pending: z.string().optional()
});

/**
 * Step two: a code from the app proves it holds the key. Stores the key encrypted, switches 2FA on,
 * marks this session verified and returns ten recovery codes, to be shown once.
 */
export async function confirmTwoFactorEnrolment(db: Db, who: Who, sessionId: string, input: unknown, origin: Origin, now = new Date()): Promise<string[]> {
	const { code, pending } = parse(confirmSchema, input);
	const key = unseal(who.userId, pending);
	if (!key) throw new DomainError('auth_two_factor_setup_expired', {}, {}, 400);
	await assertNotRateLimited(db, who, 'enrol', origin, now);
	const step = matchTotpStep(key, code, now);
	if (step === null) return refuseWrongCode(db, who, 'enrol', origin, now);
	return db.transaction(async (tx) => {
		const enabled = await tx
			.update(users)
			.set({ totpKeyEncrypted: encryptTotpKey(key), totpEnabledAt: now, totpLastUsedStep: step, updatedAt: now })
			.where(and(eq(users.id, who.userId), isNull(users.totpEnabledAt)))
			.returning({ id: users.id });
		// Replacing a working key needs it switched off first (with a code), so a stolen session cannot swap it.
		if (!enabled.length) throw new DomainError('auth_two_factor_already_enabled', {}, {}, 409);
		const codes = await replaceRecoveryCodes(tx, who.userId);
		await clearWrongCodes(tx, who.userId);
		await markTwoFactorVerified(tx, sessionId, now);
		await record(tx, {
			actor: who,
			action: 'auth.two_factor_enabled',
			objectType: 'user',
			objectId: who.userId,
			origin,
			details: { recoveryCount: codes.length }
		});
		return codes;
	});
}
