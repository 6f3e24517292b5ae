import type { Db } from '../db';
import type { Origin } from '../modules/audit';
import { withSecondFactor, type FactorMethod, type Who } from './second-factor';

/**
 * The second step of a login: a TOTP code or one unused recovery code completes the session
 * (twoFactorVerifiedAt = now). Wrong codes are rate limited per account; every attempt is audited.
 */
export async function verifyTwoFactorLogin(db: Db, who: Who, sessionId: string, input: unknown, origin: Origin, now = new Date()): Promise<FactorMethod> {
	return withSecondFactor(db, { who, sessionId, purpose: 'login', origin, now }, input, async (_tx, method) => method);
}
