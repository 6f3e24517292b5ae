import { and, count, eq, isNull } from 'drizzle-orm';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Queryable } from '../db';
import { recoveryCodes } from '../db/schema';
import { hashToken } from './tokens';

export const RECOVERY_CODE_COUNT = 10;

/** Ten characters of base32 (50 bits), shown as `abcde-fghij` so people can copy them by hand. */
function newRecoveryCode(): string {
	const bytes = new Uint8Array(8);
	crypto.getRandomValues(bytes);
	const raw = encodeBase32LowerCaseNoPadding(bytes).slice(0, 10);
	return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

/** What people type: spaces, dashes and capitals do not matter. */
export function normalizeRecoveryCode(code: string): string {
	return code.replace(/[\s-]/g, '').toLowerCase();
}

/** Replaces all of a user's recovery codes; returns the new plain codes, which are shown once and never stored. */
export async function replaceRecoveryCodes(q: Queryable, userId: string): Promise<string[]> {
	const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
	await q.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
	await q.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashToken(normalizeRecoveryCode(code)) })));
	return codes;
}

/** Spends one unused recovery code, atomically: of two simultaneous uses only one succeeds. */
export async function spendRecoveryCode(q: Queryable, userId: string, code: string, now = new Date()): Promise<boolean> {
	const rows = await q
		.update(recoveryCodes)
		.set({ usedAt: now })
		.where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashToken(normalizeRecoveryCode(code))), isNull(recoveryCodes.usedAt)))
		.returning({ id: recoveryCodes.id });
	return rows.length === 1;
}

export async function unusedRecoveryCodeCount(q: Queryable, userId: string): Promise<number> {
	const [row] = await q
		.select({ n: count() })
		.from(recoveryCodes)
		.where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
	return Number(row?.n ?? 0);
}
