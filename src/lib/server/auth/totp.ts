import { randomBytes } from 'node:crypto';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { seal, unseal } from './sealed';

const PERIOD_S = 30;
const DIGITS = 6;

export function generateTotpKey(): Uint8Array {
	return new Uint8Array(randomBytes(20));
}

/** The otpauth:// URI an authenticator app reads (as QR code or typed key). */
export function totpUri(key: Uint8Array, accountName: string): string {
	return createTOTPKeyURI('Regioportaal Leidse regio', accountName, key, PERIOD_S, DIGITS);
}

/** The key as people type it into an app. */
export function totpKeyText(key: Uint8Array): string {
	return encodeBase32UpperCaseNoPadding(key)
		.replace(/(.{4})/g, '$1 ')
		.trim();
}

/**
 * The time step a code belongs to: the current one, or the one before or after it (clock drift);
 * null when it matches none. Callers store the step so one code cannot be used twice.
 */
export function matchTotpStep(key: Uint8Array, code: string, now = new Date()): number | null {
	if (!/^\d{6}$/.test(code)) return null;
	const current = Math.floor(now.getTime() / 1000 / PERIOD_S);
	const given = new TextEncoder().encode(code);
	for (const step of [current - 1, current, current + 1]) {
		const expected = new TextEncoder().encode(generateHOTP(key, BigInt(step), DIGITS));
		if (constantTimeEqual(expected, given)) return step;
	}
	return null;
}

/** TOTP keys are stored encrypted (AES-256-GCM) so a database dump alone cannot produce codes. */
export function encryptTotpKey(key: Uint8Array): string {
	return seal(key);
}

export function decryptTotpKey(stored: string): Uint8Array {
	return unseal(stored);
}
