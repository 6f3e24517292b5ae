import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../db';
import { agendaItemParticipants, memberships, users } from '../../db/schema';
import { subscribeInTransaction, type DomainEvent, type DomainEvents } from '../../bus';
import type { MunicipalRole } from '../../../roles';
import { notify } from './notify';

/** What a decision notice asks of whom (the kinds of the `notifications` table besides mentions and replies). */
export type DecisionNoticeKind = 'decision_requested' | 'decision_voided' | 'council_requested' | 'position_requested';

interface Notice {
	kind: DecisionNoticeKind;
	itemId: string;
	/** The municipalities concerned; their holders of `roles` are told. */
	municipalityIds: string[];
	roles: MunicipalRole[];
	actorName: string;
	details?: Record<string, string | number>;
}

/**
 * Who is told what about an item's decision-making, inside the transaction of the command that caused it:
 * - up for decision (gereed voor besluitvorming) → the colleges of the participating municipalities;
 * - adopted (vastgesteld) → their griffies, for the council follow-up;
 * - in bespreking after concept → their klankbordgroep members, for a position;
 * - college decisions voided → the colleges and griffies whose decisions were voided, with the reason.
 * Never the person who caused it; disabled accounts are skipped.
 */
export function subscribeDecisionNotices(): () => void {
	const stops = [
		subscribeInTransaction('item.status_changed', 'decision-notices', (tx, e) => onStatus(tx, e)),
		subscribeInTransaction('signoff.voided', 'decision-notices', (tx, e) =>
			write(tx, {
				kind: 'decision_voided',
				itemId: e.itemId,
				municipalityIds: e.municipalityIds,
				roles: ['collegelid', 'griffie'],
				actorName: e.by?.name ?? 'systeem',
				details: { reason: e.reason, ...(e.version === null ? {} : { version: e.version }), ...(e.note ? { note: e.note } : {}) },
				excludeUserId: e.by?.userId
			})
		)
	];
	return () => stops.forEach((stop) => stop());
}

const byStatus: Partial<Record<string, { kind: DecisionNoticeKind; roles: MunicipalRole[]; from?: string }>> = {
	gereed_voor_besluitvorming: { kind: 'decision_requested', roles: ['collegelid'] },
	vastgesteld: { kind: 'council_requested', roles: ['griffie'] },
	in_bespreking: { kind: 'position_requested', roles: ['klankbordgroeplid'], from: 'concept' }
};

async function onStatus(tx: Tx, e: DomainEvents['item.status_changed']): Promise<DomainEvent[]> {
	const rule = byStatus[e.status];
	if (!rule || (rule.from && rule.from !== e.from)) return [];
	const participants = await tx
		.select({ municipalityId: agendaItemParticipants.municipalityId })
		.from(agendaItemParticipants)
		.where(eq(agendaItemParticipants.itemId, e.itemId));
	const details = e.version === undefined ? undefined : { version: e.version };
	return write(tx, {
		kind: rule.kind,
		itemId: e.itemId,
		municipalityIds: participants.map((p) => p.municipalityId),
		roles: rule.roles,
		actorName: e.by?.name ?? 'systeem',
		details,
		excludeUserId: e.by?.userId
	});
}

async function write(tx: Tx, notice: Notice & { excludeUserId?: string }): Promise<DomainEvent[]> {
	if (!notice.municipalityIds.length) return [];
	const people = await tx
		.selectDistinct({ userId: memberships.userId, municipalityId: memberships.municipalityId })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(inArray(memberships.municipalityId, notice.municipalityIds), inArray(memberships.role, notice.roles), isNull(users.disabledAt)));
	const perUser = new Map<string, string>();
	for (const p of people) if (p.userId !== notice.excludeUserId && !perUser.has(p.userId)) perUser.set(p.userId, p.municipalityId ?? '');
	if (!perUser.size) return [];
	return notify(
		tx,
		[...perUser].map(([userId, municipalityId]) => ({
			userId,
			kind: notice.kind,
			itemId: notice.itemId,
			actorName: notice.actorName,
			details: { ...notice.details, municipalityId }
		}))
	);
}
