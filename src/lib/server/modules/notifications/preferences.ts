import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Queryable } from '../../db';
import { memberships, notificationPreferences } from '../../db/schema';
import { authorize, can, type Actor } from '../../permissions';
import { inTransaction, event } from '../../bus';
import { parse } from '../../validate';
import { readConfig } from '../../config';
import { record, type Origin } from '../audit';
import type { Role } from '../../../roles';
import { defaultDelivery, deliveries, kindsFor, notificationKinds, type Delivery, type NotificationKind } from '../../../notifications/kinds';

export interface KindPreference {
	kind: NotificationKind;
	delivery: Delivery;
	/** Whether this is the default for the person's roles (no choice of their own stored). */
	isDefault: boolean;
	/** The default for the person's roles (the form marks it). */
	standard: Delivery;
}

/** The roles each of these people holds (any municipality). */
async function rolesOf(q: Queryable, userIds: string[]): Promise<Map<string, Role[]>> {
	const out = new Map<string, Role[]>(userIds.map((id) => [id, []]));
	if (!userIds.length) return out;
	const rows = await q.select({ userId: memberships.userId, role: memberships.role }).from(memberships).where(inArray(memberships.userId, userIds));
	for (const r of rows) out.get(r.userId)?.push(r.role as Role);
	return out;
}

/**
 * How each of these people wants to hear of each kind by e-mail: their own choice, else the default for their
 * roles. Read inside the transaction that writes a notification or sends the digest.
 */
export async function effectiveDeliveries(q: Queryable, userIds: string[]): Promise<Map<string, Record<NotificationKind, Delivery>>> {
	const ids = [...new Set(userIds)];
	const [roles, chosen] = await Promise.all([
		rolesOf(q, ids),
		ids.length ? q.select().from(notificationPreferences).where(inArray(notificationPreferences.userId, ids)) : Promise.resolve([])
	]);
	const out = new Map<string, Record<NotificationKind, Delivery>>();
	for (const id of ids) {
		const own = roles.get(id) ?? [];
		out.set(id, Object.fromEntries(notificationKinds.map((k) => [k, defaultDelivery(k, own)])) as Record<NotificationKind, Delivery>);
	}
	for (const c of chosen) {
		const forUser = out.get(c.userId);
		if (forUser && c.kind in forUser) forUser[c.kind as NotificationKind] = c.delivery as Delivery;
	}
	return out;
}

/** The signed-in person's settings for the kinds their roles receive (what the account page shows). */
export async function notificationPreferencesOf(q: Queryable, actor: Actor): Promise<KindPreference[]> {
	authorize(actor, 'notifications.configure', { userId: actor.userId });
	const roles = actor.grants.map((g) => g.role);
	const chosen = await q.select().from(notificationPreferences).where(eq(notificationPreferences.userId, actor.userId));
	const own = new Map(chosen.map((c) => [c.kind, c.delivery as Delivery]));
	return kindsFor(roles).map((kind) => ({
		kind,
		delivery: own.get(kind) ?? defaultDelivery(kind, roles),
		isDefault: !own.has(kind),
		standard: defaultDelivery(kind, roles)
	}));
}

/** What the account page shows: the settings per kind (none without a role) and the hour the daily digest goes out. */
export async function notificationSettings(q: Queryable, actor: Actor): Promise<{ kinds: KindPreference[]; digestHour: number }> {
	const kinds = can(actor, 'notifications.configure', { userId: actor.userId }) ? await notificationPreferencesOf(q, actor) : [];
	return { kinds, digestHour: readConfig().digestHour };
}

/** Per kind, how to deliver; kinds left out stay as they are. Unknown kinds or deliveries are refused. */
export const preferencesSchema = z.strictObject(
	Object.fromEntries(notificationKinds.map((k) => [k, z.enum(deliveries, 'validation_delivery').optional()])) as Record<
		NotificationKind,
		z.ZodOptional<z.ZodEnum<{ [D in Delivery]: D }>>
	>,
	'validation_invalid'
);

/**
 * Stores a person's own choices (at once, daily digest, not at all) for the kinds given; the kinds whose
 * delivery changes are audited. The person's next notifications follow them.
 */
export async function setNotificationPreferences(db: Db, actor: Actor, input: unknown, origin: Origin, now = new Date()): Promise<KindPreference[]> {
	authorize(actor, 'notifications.configure', { userId: actor.userId });
	const wanted = parse(preferencesSchema, input);
	await inTransaction(db, async (tx, events) => {
		const changes = await storeDeliveries(tx, actor.userId, wanted, now);
		if (!Object.keys(changes).length) return;
		await record(tx, { actor, action: 'account.notifications_changed', objectType: 'user', objectId: actor.userId, origin, details: { changes } });
		events.add(event('account.notification_preferences_changed', { userId: actor.userId, kinds: Object.keys(changes) }));
	});
	return notificationPreferencesOf(db, actor);
}

/**
 * Writes the given deliveries (a choice equal to the default is kept too: it stays when the person's roles
 * change); returns those that differ from before, as from → to.
 */
export async function storeDeliveries(
	tx: Queryable,
	userId: string,
	wanted: Partial<Record<NotificationKind, Delivery>>,
	now: Date
): Promise<Record<string, { from: string; to: string }>> {
	const current = (await effectiveDeliveries(tx, [userId])).get(userId);
	const changes: Record<string, { from: string; to: string }> = {};
	for (const kind of notificationKinds) {
		const to = wanted[kind];
		if (!to || !current) continue;
		await tx
			.insert(notificationPreferences)
			.values({ userId, kind, delivery: to, updatedAt: now })
			.onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { delivery: to, updatedAt: now } });
		if (current[kind] !== to) changes[kind] = { from: current[kind], to };
	}
	return changes;
}
