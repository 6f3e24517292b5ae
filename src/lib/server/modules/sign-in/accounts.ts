import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db';
import { memberships, signInLinks, users } from '../../db/schema';
import { speaksFor } from './speaks-for';
import { record, type Origin } from '../audit';
import type { ProviderRow } from './client';
import { SignInRefused } from './refusal';

export type UserRow = typeof users.$inferSelect;

/** What the portal reads from a validated ID token to find the person. */
export interface ProviderIdentity {
	subject: string;
	/** Lower case; only used when the provider says it is verified. */
	email: string | null;
	emailVerified: boolean;
	name: string | null;
}

/**
 * The account a provider's person signs in to (docs/security.md):
 * 1. the account linked to this subject at this provider;
 * 2. else, with a verified e-mail address in one of the provider's domains, the (invited or active) account with
 *    that address, if it holds a role of the provider's municipality (a regional role for the region's
 *    provider): linked from now on;
 * 3. else, when the provider allows it, a new account with the role meelezer of its municipality;
 * 4. else refused. A disabled account is refused whichever way it was found.
 */
export async function accountForSignIn(tx: Tx, provider: ProviderRow, who: ProviderIdentity, origin: Origin, now: Date): Promise<UserRow> {
	const [linked] = await tx
		.select({ user: users, linkId: signInLinks.id })
		.from(signInLinks)
		.innerJoin(users, eq(users.id, signInLinks.userId))
		.where(and(eq(signInLinks.providerId, provider.id), eq(signInLinks.subject, who.subject)));
	if (linked) {
		refuseDisabled(linked.user);
		await tx.update(signInLinks).set({ lastUsedAt: now }).where(eq(signInLinks.id, linked.linkId));
		return linked.user;
	}
	const email = verifiedEmailInDomain(provider, who);
	const [existing] = await tx
		.select()
		.from(users)
		.where(eq(sql`lower(${users.email})`, email));
	if (existing) return linkByEmail(tx, provider, who, existing, origin, now);
	if (provider.municipalityId && provider.allowJustInTime) return createJustInTime(tx, provider, who, email, origin, now);
	throw new SignInRefused('no_account', { email });
}

function refuseDisabled(user: UserRow): void {
	if (user.disabledAt) throw new SignInRefused('disabled', { email: user.email, userId: user.id });
}

/** The address to match on: only a verified one, only in the provider's domains (none configured: no matching). */
function verifiedEmailInDomain(provider: ProviderRow, who: ProviderIdentity): string {
	if (!who.email || !who.emailVerified) throw new SignInRefused('email_unverified', { email: who.email ?? undefined });
	const domain = who.email.slice(who.email.lastIndexOf('@') + 1);
	if (!provider.emailDomains.includes(domain)) throw new SignInRefused('email_domain', { email: who.email });
	return who.email;
}

/** Whether the account holds a role of the provider's municipality; for the region's provider, a regional role. */
async function belongsToProvider(tx: Tx, provider: ProviderRow, userId: string): Promise<boolean> {
	const [row] = await tx
		.select({ id: memberships.id })
		.from(memberships)
		.where(and(eq(memberships.userId, userId), speaksFor(provider.municipalityId)))
		.limit(1);
	return !!row;
}

async function linkByEmail(tx: Tx, provider: ProviderRow, who: ProviderIdentity, user: UserRow, origin: Origin, now: Date): Promise<UserRow> {
	refuseDisabled(user);
	const context = { email: user.email, userId: user.id };
	if (!(await belongsToProvider(tx, provider, user.id))) throw new SignInRefused('not_member', context);
	// The account already answers to another person at this provider: a second one must not take it over.
	const [other] = await tx
		.select({ id: signInLinks.id })
		.from(signInLinks)
		.where(and(eq(signInLinks.providerId, provider.id), eq(signInLinks.userId, user.id)));
	if (other) throw new SignInRefused('other_link', context);
	await tx.insert(signInLinks).values({ providerId: provider.id, subject: who.subject, userId: user.id, createdAt: now, lastUsedAt: now });
	await record(tx, {
		actor: { userId: user.id, name: user.name },
		action: 'user.sign_in_linked',
		objectType: 'user',
		objectId: user.id,
		origin,
		details: { providerId: provider.id, municipalityId: provider.municipalityId, by: 'email' }
	});
	return user;
}

/** A display name from the token, cut to what the portal stores; the address when the provider gives none. */
function displayName(who: ProviderIdentity, email: string): string {
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
	const controls = /[\u0000-\u001f\u007f]/g;
	const name = (who.name ?? '').toWellFormed().replace(controls, ' ').trim();
	return (name || email).slice(0, 200);
}

async function createJustInTime(tx: Tx, provider: ProviderRow, who: ProviderIdentity, email: string, origin: Origin, now: Date): Promise<UserRow> {
	const municipalityId = provider.municipalityId as string;
	const [user] = await tx
		.insert(users)
		.values({ email, name: displayName(who, email), createdAt: now, updatedAt: now })
		.returning();
	await tx.insert(memberships).values({ userId: user.id, role: 'meelezer', municipalityId });
	await tx.insert(signInLinks).values({ providerId: provider.id, subject: who.subject, userId: user.id, createdAt: now, lastUsedAt: now });
	const actor = { userId: user.id, name: user.name };
	const base = { actor, objectType: 'user', objectId: user.id, origin } as const;
	await record(tx, {
		...base,
		action: 'user.provisioned',
		details: { email, name: user.name, providerId: provider.id, roles: [`meelezer:${municipalityId}`] }
	});
	await record(tx, { ...base, action: 'user.sign_in_linked', details: { providerId: provider.id, municipalityId, by: 'just_in_time' } });
	return user;
}
