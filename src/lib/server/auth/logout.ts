import type { Db } from '../db';
import { record, type Origin } from '../modules/audit';
import { event, inTransaction } from '../bus';
import { invalidateAuthSession } from './auth-session';

/** Ends one login: the session row goes, the audit row stays, its live sockets are closed. */
export async function logout(db: Db, who: { userId: string; name: string }, authSessionId: string, origin: Origin) {
	await inTransaction(db, async (tx, events) => {
		await invalidateAuthSession(tx, authSessionId);
		await record(tx, { actor: who, action: 'auth.logged_out', objectType: 'user', objectId: who.userId, origin });
		events.add(event('auth.sessions_ended', { sessionIds: [authSessionId], reason: 'logout' }));
	});
}
