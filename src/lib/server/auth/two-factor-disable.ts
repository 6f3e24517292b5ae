import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { recoveryCodes, users } from '../db/schema';
import { DomainError } from '../errors';
import { record, type Origin } from '../modules/audit';
import { requiresTwoFactor } from '../modules/users';
import type { Actor } from '../permissions';
import { withSecondFactor } from './second-factor';

/**
 * Turns two-factor authentication off, confirmed with a current code. Refused for roles that must keep it
 * (administrators and college members): they would be sent straight back to set-up anyway.
 */
export async function disableTwoFactor(db: Db, actor: Actor, sessionId: string, input: unknown, origin: Origin, now = new Date()): Promise<void> {
	if (requiresTwoFactor(actor.grants)) {
		await record(db, {
			actor,
			action: 'auth.two_factor_disabled',
			objectType: 'user',
			objectId: actor.userId,
			result: 'denied',
			origin,
			details: { reason: 'required_for_role' }
		});
		throw new DomainError('auth_two_factor_required_for_role', {}, {}, 403);
	}
	await withSecondFactor(db, { who: actor, sessionId, purpose: 'disable', origin, now }, input, async (tx) => {
		await tx.update(users).set({ totpKeyEncrypted: null, totpEnabledAt: null, updatedAt: now }).where(eq(users.id, actor.userId));
		await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.userId));
		await record(tx, { actor, action: 'auth.two_factor_disabled', objectType: 'user', objectId: actor.userId, origin });
	});
}
