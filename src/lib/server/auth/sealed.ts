import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { secretKey } from './secret-key';

/**
 * Stored secrets (TOTP keys, an identity provider's client secret, a PKCE verifier in flight) are sealed with
 * AES-256-GCM under the portal's key, so a database dump alone gives none of them away. The text is
 * base64 of iv (12 bytes) · tag (16 bytes) · ciphertext.
 */
export function seal(plain: Uint8Array): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', secretKey(), iv);
	const body = Buffer.concat([cipher.update(plain), cipher.final()]);
	return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function unseal(stored: string): Uint8Array {
	const raw = Buffer.from(stored, 'base64');
	const decipher = createDecipheriv('aes-256-gcm', secretKey(), raw.subarray(0, 12));
	decipher.setAuthTag(raw.subarray(12, 28));
	return new Uint8Array(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]));
}

export const sealText = (text: string): string => seal(new TextEncoder().encode(text));
export const unsealText = (stored: string): string => new TextDecoder().decode(unseal(stored));
