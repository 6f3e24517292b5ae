import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { authSessions } from '../../db/schema';
import { DomainError } from '../../errors';
import { event, inTransaction } from '../../bus';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import type { Actor } from '../../permissions';
import { sessionRef } from './session-ref';

export const endSessionSchema = z.object({ ref: z.string('validation_required').regex(/^[0-9a-f]{32}$/, 'validation_invalid') });

/** Ends one of the user's other sessions (a forgotten login elsewhere); the current one ends by logging out. */
export async function endOtherSession(db: Db, actor: Actor, currentSessionId: string, input: unknown, origin: Origin): Promise<void> {
	const { ref } = parse(endSessionSchema, input);
	await inTransaction(db, async (tx, events) => {
		const own = await tx.select({ id: authSessions.id }).from(authSessions).where(eq(authSessions.userId, actor.userId));
		const target = own.find((s) => sessionRef(s.id) === ref);
		if (!target) throw new DomainError('account_session_not_found', {}, {}, 404);
		if (target.id === currentSessionId) throw new DomainError('account_session_is_current', {}, {}, 400);
		await tx.delete(authSessions).where(and(eq(authSessions.id, target.id), eq(authSessions.userId, actor.userId)));
		await record(tx, { actor, action: 'account.session_ended', objectType: 'user', objectId: actor.userId, origin, details: { session: ref } });
		events.add(event('auth.sessions_ended', { sessionIds: [target.id], reason: 'logout' }));
	});
}
