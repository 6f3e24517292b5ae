import type { Db } from '../db';
import { record, type Origin } from '../modules/audit';
import { replaceRecoveryCodes } from './recovery-codes';
import { withSecondFactor, type Who } from './second-factor';

/** New recovery codes (the old ones stop working), confirmed with a current code; the plain codes are returned once. */
export async function regenerateRecoveryCodes(db: Db, who: Who, sessionId: string, input: unknown, origin: Origin, now = new Date()): Promise<string[]> {
	return withSecondFactor(db, { who, sessionId, purpose: 'regenerate', origin, now }, input, async (tx) => {
		const codes = await replaceRecoveryCodes(tx, who.userId);
		await record(tx, {
			actor: who,
			action: 'auth.two_factor_recovery_codes_regenerated',
			objectType: 'user',
			objectId: who.userId,
			origin,
			details: { count: codes.length }
		});
		return codes;
	});
}
