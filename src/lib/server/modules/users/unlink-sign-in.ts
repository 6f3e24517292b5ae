import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { signInLinks, signInProviders } from '../../db/schema';
import { invalidateUserAuthSessions } from '../../auth/auth-session';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { event, inTransaction } from '../../bus';
import { parse } from '../../validate';
import { unlinkSignInSchema } from '../../../validation/admin';
import { record, type Origin } from '../audit';
import { lockUser } from './target';

const linkNotFound = () => new DomainError('signin_unlink_not_found', {}, {}, 404);

/**
 * Ends the link between an account and its municipality account at one provider. For a person whose account there
 * was made anew (a new subject, refused as "already linked to another municipality account" until the old link goes)
 * and for a link made to the wrong person. The next sign-in there links again by verified e-mail, as a first one
 * does. The person's sessions end: one may have come through that link.
 */
export async function unlinkSignIn(db: Db, actor: Actor | null, userId: string, input: unknown, origin: Origin): Promise<void> {
	authorize(actor, 'users.manage');
	const { koppeling: linkId } = parse(unlinkSignInSchema, input);
	await inTransaction(db, async (tx, events) => {
		const user = await lockUser(tx, userId);
		const [link] = await tx
			.delete(signInLinks)
			.where(and(eq(signInLinks.id, linkId), eq(signInLinks.userId, user.id)))
			.returning({ providerId: signInLinks.providerId });
		if (!link) throw linkNotFound();
		const [provider] = await tx.select({ municipalityId: signInProviders.municipalityId }).from(signInProviders).where(eq(signInProviders.id, link.providerId));
		const sessionIds = await invalidateUserAuthSessions(tx, user.id);
		await record(tx, {
			actor,
			action: 'user.sign_in_unlinked',
			objectType: 'user',
			objectId: user.id,
			origin,
			details: { email: user.email, providerId: link.providerId, municipalityId: provider?.municipalityId ?? null, sessionsEnded: sessionIds.length }
		});
		if (sessionIds.length) events.add(event('auth.sessions_ended', { sessionIds, reason: 'expired' }));
	});
}
