import { auditEvents } from '../../db/schema';
import type { Queryable } from '../../db';
import type { Actor } from '../../permissions';
import type { AuditAction, AuditActionEntry } from './actions';

export type AuditResult = 'success' | 'denied' | 'failure';

/** Where a request came from; stored with every audit row. */
export interface Origin {
	ip: string | null;
	userAgent: string | null;
}

interface AuditEntryBase {
	actor: Pick<Actor, 'userId' | 'name'> | null;
	/** For an anonymous attempt: who it claimed to be (e-mail address), never a secret. */
	actorLabel?: string;
	objectType: string;
	objectId?: string | null;
	result?: AuditResult;
	origin: Origin;
}

/** One audit row to write: an action of `AuditDetails` with details of that action's shape. */
export type AuditEntry<A extends AuditAction = AuditAction> = AuditEntryBase & AuditActionEntry<A>;

const secretKeys = /password|token|secret|code|hash|totp/i;

/** Drops anything that looks like a secret: the audit trail must never hold one. */
function withoutSecrets(details: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(details).filter(([k]) => !secretKeys.test(k)));
}

/** Appends one audit row, inside the caller's transaction so it commits with the change it records. */
export async function record<A extends AuditAction>(q: Queryable, entry: AuditEntry<A>): Promise<void> {
	await q.insert(auditEvents).values({
		actorUserId: entry.actor?.userId ?? null,
		actorLabel: entry.actor?.name ?? entry.actorLabel ?? 'anoniem',
		action: entry.action,
		objectType: entry.objectType,
		objectId: entry.objectId ?? null,
		result: entry.result ?? 'success',
		ip: entry.origin.ip,
		userAgent: entry.origin.userAgent?.slice(0, 500) ?? null,
		details: withoutSecrets((entry.details ?? {}) as Record<string, unknown>)
	});
}
