import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../db';
import { emailTokens } from '../db/schema';
import { DomainError } from '../errors';
import { generateToken, hashToken } from './tokens';

export type EmailTokenPurpose = 'invitation' | 'password_reset';

/** How long a link in an e-mail works. */
export const emailTokenTtlMs: Record<EmailTokenPurpose, number> = {
	invitation: 7 * 24 * 60 * 60 * 1000,
	password_reset: 60 * 60 * 1000
};

/** Creates a one-time link token (older unused ones of the same purpose stop working); returns the plain token for the e-mail. */
export async function createEmailToken(
	q: Queryable,
	opts: { userId: string; purpose: EmailTokenPurpose; createdBy?: string | null; now?: Date }
): Promise<string> {
	const now = opts.now ?? new Date();
	await q
		.update(emailTokens)
		.set({ usedAt: now })
		.where(and(eq(emailTokens.userId, opts.userId), eq(emailTokens.purpose, opts.purpose), isNull(emailTokens.usedAt)));
	const token = generateToken();
	await q.insert(emailTokens).values({
		id: hashToken(token),
		purpose: opts.purpose,
		userId: opts.userId,
		createdBy: opts.createdBy ?? null,
		createdAt: now,
		expiresAt: new Date(now.getTime() + emailTokenTtlMs[opts.purpose])
	});
	return token;
}

export type EmailToken = typeof emailTokens.$inferSelect;

/** Finds a usable token without using it up (to show the form); throws a DomainError when expired or used. */
export async function peekEmailToken(q: Queryable, token: string, purpose: EmailTokenPurpose, now = new Date()): Promise<EmailToken> {
	const [row] = await q
		.select()
		.from(emailTokens)
		.where(eq(emailTokens.id, hashToken(token)));
	if (!row || row.purpose !== purpose) throw new DomainError('auth_link_invalid', {}, {}, 404);
	if (row.usedAt) throw new DomainError('auth_link_used', {}, {}, 410);
	if (row.expiresAt.getTime() <= now.getTime()) throw new DomainError('auth_link_expired', {}, {}, 410);
	return row;
}

/** Uses a token up, atomically: of two simultaneous uses exactly one succeeds. */
export async function consumeEmailToken(q: Queryable, token: string, purpose: EmailTokenPurpose, now = new Date()): Promise<EmailToken> {
	await peekEmailToken(q, token, purpose, now);
	const [row] = await q
		.update(emailTokens)
		.set({ usedAt: now })
		.where(and(eq(emailTokens.id, hashToken(token)), isNull(emailTokens.usedAt)))
		.returning();
	if (!row) throw new DomainError('auth_link_used', {}, {}, 410);
	return row;
}
