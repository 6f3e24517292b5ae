import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

// OWASP's argon2id minimum: 19 MiB, 2 iterations, 1 lane.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export const passwordSchema = z.string().min(12, 'validation_password_too_short').max(256, 'validation_password_too_long');

export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** Spends the time of a real verification, so response times do not reveal which accounts exist. */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstNothing(password: string): Promise<false> {
	dummyHash ??= hashPassword('regioportaal-geen-account');
	await verifyPassword(await dummyHash, password);
	return false;
}
