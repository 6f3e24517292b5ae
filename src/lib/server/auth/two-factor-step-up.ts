import type { Db } from '../db';
import { DomainError } from '../errors';
import type { Origin } from '../modules/audit';
import { hasFreshTwoFactor, STEP_UP_MS, type AuthSession } from './auth-session';
import { withSecondFactor, type Who } from './second-factor';

/**
 * "Confirm again": re-verifies a code in a session that is already logged in, so actions that need a
 * recent second factor (sign-offs, turning 2FA off) may go ahead for the next STEP_UP_MS.
 */
export async function confirmTwoFactor(db: Db, who: Who, sessionId: string, input: unknown, origin: Origin, now = new Date()): Promise<void> {
	await withSecondFactor(db, { who, sessionId, purpose: 'step_up', origin, now }, input, async () => undefined);
}

/** For use cases that need a recent second factor: refuses when the session's was longer ago than STEP_UP_MS. */
export function requireFreshTwoFactor(session: AuthSession, now = new Date()): void {
	if (!hasFreshTwoFactor(session, now)) {
		throw new DomainError('auth_step_up_required', { minutes: STEP_UP_MS / 60_000 }, {}, 403);
	}
}
