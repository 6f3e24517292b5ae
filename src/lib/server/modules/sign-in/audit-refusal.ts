import type { Db } from '../../db';
import type { AuthSession } from '../../auth/auth-session';
import { record, type Origin } from '../audit';
import { isDenial, type SignInRefused } from './refusal';

export interface RefusalAudit {
	purpose: 'login' | 'step_up';
	providerId: string | null;
	origin: Origin;
	/** For a step-up: the session (and so the person) that asked. */
	session: AuthSession | null;
	who?: { userId: string; name: string } | null;
}

/**
 * Records a refused sign-in in its own write (the work's transaction, if any, has been rolled back): a login as
 * `auth.logged_in`, a step-up as `auth.two_factor_failed`, each with the reason and the claim that failed.
 */
export async function auditRefusal(db: Db, err: SignInRefused, at: RefusalAudit): Promise<void> {
	const result = isDenial(err.reason) ? 'denied' : 'failure';
	const { email, userId, claim } = err.context;
	const providerId = at.providerId && /^[0-9a-f-]{36}$/i.test(at.providerId) ? at.providerId : undefined;
	if (at.purpose === 'step_up') {
		const objectId = at.session?.userId ?? userId;
		await record(db, {
			actor: at.who ?? null,
			actorLabel: email,
			action: 'auth.two_factor_failed',
			objectType: 'user',
			objectId,
			result,
			origin: at.origin,
			details: { purpose: 'step_up', reason: err.reason }
		});
		return;
	}
	await record(db, {
		actor: null,
		actorLabel: email,
		action: 'auth.logged_in',
		objectType: 'user',
		objectId: userId,
		result,
		origin: at.origin,
		details: { reason: err.reason, via: 'oidc', ...(providerId ? { providerId } : {}), ...(claim ? { claim } : {}) }
	});
}
