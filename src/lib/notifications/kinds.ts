import type { Role } from '../roles';

/** Every kind of in-app notification (the `notifications` table), in the order pages and mails list them. */
export const notificationKinds = ['decision_requested', 'council_requested', 'decision_voided', 'position_requested', 'mention', 'reply'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** How a person wants to hear of one kind by e-mail: at once, in the daily digest, or not at all. */
export const deliveries = ['immediate', 'digest', 'off'] as const;
export type Delivery = (typeof deliveries)[number];

/**
 * Who receives each kind, and how by default: the kinds that ask something of a person's role come at once,
 * the rest in the daily digest. Mentions and replies can reach anyone who reads items.
 * - decision_requested (ready for your decision) → college members, at once;
 * - council_requested (adopted, for the council) → griffies, at once;
 * - decision_voided (a college decision no longer counts) → college members and griffies, at once;
 * - position_requested (in bespreking, your municipality's position) → klankbordgroep members, in the digest;
 * - mention → everyone, at once (someone asks you by name); reply → everyone, in the digest.
 */
export const kindRules: Record<NotificationKind, { roles: readonly Role[] | 'all'; delivery: Delivery }> = {
	decision_requested: { roles: ['collegelid'], delivery: 'immediate' },
	council_requested: { roles: ['griffie'], delivery: 'immediate' },
	decision_voided: { roles: ['collegelid', 'griffie'], delivery: 'immediate' },
	position_requested: { roles: ['klankbordgroeplid'], delivery: 'digest' },
	mention: { roles: 'all', delivery: 'immediate' },
	reply: { roles: 'all', delivery: 'digest' }
};

/** The kinds a person with these roles can receive (the ones their settings show). */
export function kindsFor(roles: readonly Role[]): NotificationKind[] {
	return notificationKinds.filter((k) => {
		const r = kindRules[k].roles;
		return r === 'all' ? roles.length > 0 : roles.some((role) => r.includes(role));
	});
}

/**
 * The delivery a person gets without a setting of their own: the kind's default when their roles receive
 * it; a kind their roles do not receive (a notice from a role since taken away) comes in the digest.
 */
export function defaultDelivery(kind: NotificationKind, roles: readonly Role[]): Delivery {
	return kindsFor(roles).includes(kind) ? kindRules[kind].delivery : 'digest';
}

export function isNotificationKind(kind: string): kind is NotificationKind {
	return (notificationKinds as readonly string[]).includes(kind);
}
