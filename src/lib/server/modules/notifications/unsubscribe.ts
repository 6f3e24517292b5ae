import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, Queryable } from '../../db';
import { users } from '../../db/schema';
import { secretKey } from '../../auth/secret-key';
import { readConfig } from '../../config';
import { DomainError } from '../../errors';
import { event, inTransaction } from '../../bus';
import { record, type Origin } from '../audit';
import { effectiveDeliveries, storeDeliveries } from './preferences';
import { isNotificationKind, notificationKinds, type NotificationKind } from '../../../notifications/kinds';

/** What a link in a mail turns off: one kind (a mail sent at once), everything in the digest, or all mail. */
export type UnsubscribeScope = NotificationKind | 'digest' | 'all';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A key for these links only, derived from the app's secret (never the secret itself). */
function linkKey(): Buffer {
	return createHmac('sha256', secretKey()).update('regioportaal/afmelden/v1').digest();
}

function mac(userId: string, scope: UnsubscribeScope): string {
	return createHmac('sha256', linkKey()).update(`${userId}\n${scope}`).digest('base64url');
}

/** `<user id>.<scope>.<HMAC-SHA256 of both>`: unforgeable without the app's secret, valid until the secret changes. */
export function unsubscribeToken(userId: string, scope: UnsubscribeScope): string {
	return `${userId}.${scope}.${mac(userId, scope)}`;
}

/** The person and scope of a token, or null when it was altered, cut short or made up (compared in constant time). */
export function readUnsubscribeToken(token: string): { userId: string; scope: UnsubscribeScope } | null {
	const parts = token.split('.');
	if (parts.length !== 3) return null;
	const [userId, scope, given] = parts;
	if (!UUID.test(userId) || !(scope === 'all' || scope === 'digest' || isNotificationKind(scope))) return null;
	const expected = Buffer.from(mac(userId, scope));
	const got = Buffer.from(given);
	if (got.length !== expected.length || !timingSafeEqual(got, expected)) return null;
	return { userId, scope };
}

/** The page a mail's unsubscribe link opens (and a mail client posts to, RFC 8058). */
export function unsubscribeLink(userId: string, scope: UnsubscribeScope, siteUrl = readConfig().siteUrl): string {
	return `${siteUrl}/afmelden/${unsubscribeToken(userId, scope)}`;
}

/** The headers that give mail clients their one-click unsubscribe button (RFC 2369, RFC 8058). */
export function unsubscribeHeaders(userId: string, scope: UnsubscribeScope, siteUrl?: string): Record<string, string> {
	return { 'List-Unsubscribe': `<${unsubscribeLink(userId, scope, siteUrl)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

const invalid = () => new DomainError('mail_unsubscribe_invalid', {}, {}, 400);

/** What a valid link is about (for the page that asks to confirm); a bad link is refused with a clear message. */
export async function unsubscribeTarget(q: Queryable, token: string): Promise<{ scope: UnsubscribeScope }> {
	const read = readUnsubscribeToken(token);
	if (!read) throw invalid();
	const [user] = await q.select({ id: users.id }).from(users).where(eq(users.id, read.userId));
	if (!user) throw invalid();
	return { scope: read.scope };
}

/**
 * Turns mail off as the link says, for the person it was made for; the token is the proof, no login needed.
 * Asked twice, it is simply still off. Recorded in the audit trail as done by that person.
 */
export async function unsubscribe(db: Db, token: string, origin: Origin, now = new Date()): Promise<{ scope: UnsubscribeScope }> {
	const read = readUnsubscribeToken(token);
	if (!read) throw invalid();
	return inTransaction(db, async (tx, events) => {
		const [user] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, read.userId));
		if (!user) throw invalid();
		const current = (await effectiveDeliveries(tx, [user.id])).get(user.id);
		const kinds =
			read.scope === 'all' ? [...notificationKinds] : read.scope === 'digest' ? notificationKinds.filter((k) => current?.[k] === 'digest') : [read.scope];
		const changes = await storeDeliveries(tx, user.id, Object.fromEntries(kinds.map((k) => [k, 'off'])), now);
		await record(tx, {
			actor: { userId: user.id, name: user.name },
			action: 'account.unsubscribed',
			objectType: 'user',
			objectId: user.id,
			origin,
			details: { scope: read.scope, kinds: Object.keys(changes) }
		});
		if (Object.keys(changes).length) events.add(event('account.notification_preferences_changed', { userId: user.id, kinds: Object.keys(changes) }));
		return { scope: read.scope };
	});
}
