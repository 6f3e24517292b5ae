import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { memberships, municipalities, signInLinks, signInProviders } from '../../db/schema';
import { DomainError } from '../../errors';
import { t } from '../../i18n';
import { authorize, type Actor } from '../../permissions';
import { isUuid } from '../../validate';
import { speaksFor } from './speaks-for';

/** A provider as the administrator sees it: everything but the secret, which is never read back. */
export interface SignInProviderView {
	id: string;
	/** Null: the region's own staff. */
	municipalityId: string | null;
	municipalityName: string | null;
	issuer: string;
	clientId: string;
	emailDomains: string[];
	required: boolean;
	allowJustInTime: boolean;
	/** People linked to it. */
	links: number;
	updatedAt: Date;
}

/** A button on the login page: whose account it is. */
export interface SignInChoice {
	id: string;
	municipalityId: string | null;
	municipalityName: string | null;
}

const choiceColumns = { id: signInProviders.id, municipalityId: signInProviders.municipalityId, municipalityName: municipalities.name };
// The region's provider first, then the municipalities in their usual order.
const providerOrder = [asc(sql`${signInProviders.municipalityId} is not null`), asc(municipalities.sortOrder)];

function views(q: Queryable) {
	return q
		.select({
			...choiceColumns,
			issuer: signInProviders.issuer,
			clientId: signInProviders.clientId,
			emailDomains: signInProviders.emailDomains,
			required: signInProviders.required,
			allowJustInTime: signInProviders.allowJustInTime,
			updatedAt: signInProviders.updatedAt,
			links: sql<number>`(select count(*)::int from ${signInLinks} where ${signInLinks.providerId} = ${signInProviders.id})`
		})
		.from(signInProviders)
		.leftJoin(municipalities, eq(municipalities.id, signInProviders.municipalityId));
}

export async function listSignInProviders(q: Queryable, actor: Actor | null): Promise<SignInProviderView[]> {
	authorize(actor, 'sign_in_providers.manage');
	return views(q).orderBy(...providerOrder);
}

export async function getSignInProvider(q: Queryable, actor: Actor | null, id: string): Promise<SignInProviderView> {
	authorize(actor, 'sign_in_providers.manage');
	const [row] = isUuid(id) ? await views(q).where(eq(signInProviders.id, id)) : [];
	if (!row) throw new DomainError('signin_provider_not_found', {}, {}, 404);
	return row;
}

/** The providers offered on the login page (anyone may see which municipalities have one). */
export async function signInChoices(q: Queryable): Promise<SignInChoice[]> {
	return q
		.select(choiceColumns)
		.from(signInProviders)
		.leftJoin(municipalities, eq(municipalities.id, signInProviders.municipalityId))
		.orderBy(...providerOrder);
}

/** The providers this person is linked to: a fresh login at one of them can confirm a step-up. */
export async function stepUpChoices(q: Queryable, userId: string): Promise<SignInChoice[]> {
	return q
		.select(choiceColumns)
		.from(signInLinks)
		.innerJoin(signInProviders, eq(signInProviders.id, signInLinks.providerId))
		.leftJoin(municipalities, eq(municipalities.id, signInProviders.municipalityId))
		.where(eq(signInLinks.userId, userId))
		.orderBy(...providerOrder);
}

/**
 * The provider that switches the password form off for this person, if any: a `required` provider of a
 * municipality they hold a role for, or the region's when they hold a regional role. A person of several
 * municipalities is held to it when any of them requires it (they have that municipality's account).
 */
export async function requiredProviderFor(q: Queryable, userId: string): Promise<SignInChoice | null> {
	const [row] = await q
		.select(choiceColumns)
		.from(signInProviders)
		.innerJoin(memberships, and(eq(memberships.userId, userId), speaksFor(signInProviders.municipalityId)))
		.leftJoin(municipalities, eq(municipalities.id, signInProviders.municipalityId))
		.where(eq(signInProviders.required, true))
		.orderBy(...providerOrder)
		.limit(1);
	return row ?? null;
}

/**
 * Why a password may not open this account, when its municipality requires its own sign-in service: the refusal
 * that names the button to use instead, with the provider it points to. Null when a password is fine.
 */
export async function passwordOffFor(q: Queryable, userId: string): Promise<{ providerId: string; refusal: DomainError } | null> {
	const required = await requiredProviderFor(q, userId);
	if (!required) return null;
	const municipality = required.municipalityName ?? t('signin_region_name');
	return { providerId: required.id, refusal: new DomainError('signin_password_off', { municipality }, {}, 403) };
}
