import { and, asc, count, desc, eq, exists, ilike, inArray, isNotNull, isNull, not, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { likePattern } from '../../db/like';
import { emailTokens, memberships, municipalities, signInLinks, signInProviders, users } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { pageWindow, userFiltersSchema, type GrantInput, type UserFilters, type UserStatus } from '../../../validation/admin';
import { grantsOfUsers } from './grants';
import { userNotFound } from './target';
import { isUuid } from '../../validate';

export const USERS_PAGE_SIZE = 50;

/** How a person signs in: with a password, with a municipality's account (linked providers), and when last. */
export interface SignInSummary {
	password: boolean;
	/** The municipality of each provider the person is linked to; null is the region's own. */
	providers: (string | null)[];
	lastAt: Date | null;
	/** 'password' or 'oidc'. */
	lastMethod: string | null;
}

export interface UserListItem {
	id: string;
	name: string;
	email: string;
	twoFactor: boolean;
	status: UserStatus;
	grants: GrantInput[];
	signIn: SignInSummary;
}

export interface UserList {
	users: UserListItem[];
	total: number;
	page: number;
	pageCount: number;
	/** The filters as understood (unknown values dropped), to show them back in the form. */
	filters: UserFilters;
}

/** Someone who signed in with a municipality's account has a way in without a password: active, not invited. */
const hasLink = exists(sql`(select 1 from ${signInLinks} where ${signInLinks.userId} = ${users.id})`);

const statusOf = (u: { disabledAt: Date | null; passwordHash: string | null }, linked: boolean): UserStatus =>
	u.disabledAt ? 'disabled' : u.passwordHash || linked ? 'active' : 'invited';

const statusCondition: Record<UserStatus, SQL> = {
	disabled: isNotNull(users.disabledAt),
	invited: and(isNull(users.disabledAt), isNull(users.passwordHash), not(hasLink))!,
	active: and(isNull(users.disabledAt), or(isNotNull(users.passwordHash), hasLink))!
};

/** The municipality accounts each of these people signs in with (in the municipalities' order), in one query. */
async function linksOfUsers(q: Queryable, userIds: string[]): Promise<Map<string, SignInLinkView[]>> {
	const byUser = new Map<string, SignInLinkView[]>(userIds.map((id) => [id, []]));
	if (!userIds.length) return byUser;
	const rows = await q
		.select({
			userId: signInLinks.userId,
			id: signInLinks.id,
			municipality: municipalities.name,
			createdAt: signInLinks.createdAt,
			lastUsedAt: signInLinks.lastUsedAt
		})
		.from(signInLinks)
		.innerJoin(signInProviders, eq(signInProviders.id, signInLinks.providerId))
		.leftJoin(municipalities, eq(municipalities.id, signInProviders.municipalityId))
		.where(inArray(signInLinks.userId, userIds))
		.orderBy(asc(municipalities.sortOrder));
	for (const { userId, ...link } of rows) byUser.get(userId)?.push(link);
	return byUser;
}

function summary(u: { passwordHash: string | null; lastSignInAt: Date | null; lastSignInMethod: string | null }, providers: (string | null)[]): SignInSummary {
	return { password: !!u.passwordHash, providers, lastAt: u.lastSignInAt, lastMethod: u.lastSignInMethod };
}

/** `%` and `_` typed in a search box mean themselves, not wildcards. */

function userConditions(f: UserFilters): SQL | undefined {
	const membership =
		f.role || f.municipalityId
			? exists(
					sql`(select 1 from ${memberships} where ${and(
						eq(memberships.userId, users.id),
						f.role ? eq(memberships.role, f.role) : undefined,
						f.municipalityId ? eq(memberships.municipalityId, f.municipalityId) : undefined
					)})`
				)
			: undefined;
	return and(
		f.search ? or(ilike(users.name, likePattern(f.search)), ilike(users.email, likePattern(f.search))) : undefined,
		membership,
		f.status ? statusCondition[f.status] : undefined
	);
}

/** One page of users with their roles: two queries for the page and one for all its memberships. */
export async function listUsers(q: Queryable, actor: Actor | null, filters: unknown): Promise<UserList> {
	authorize(actor, 'users.manage');
	const f = userFiltersSchema.parse(filters);
	const where = userConditions(f);
	const [{ total }] = await q.select({ total: count() }).from(users).where(where);
	const { page, pageCount, limit, offset } = pageWindow(total, f.page, USERS_PAGE_SIZE);
	const rows = await q
		.select({
			id: users.id,
			name: users.name,
			email: users.email,
			totpEnabledAt: users.totpEnabledAt,
			disabledAt: users.disabledAt,
			passwordHash: users.passwordHash,
			lastSignInAt: users.lastSignInAt,
			lastSignInMethod: users.lastSignInMethod
		})
		.from(users)
		.where(where)
		.orderBy(asc(sql`lower(${users.name})`), asc(users.id))
		.limit(limit)
		.offset(offset);
	const grants = await grantsOfUsers(
		q,
		rows.map((r) => r.id)
	);
	const links = await linksOfUsers(
		q,
		rows.map((r) => r.id)
	);
	const list = rows.map((r) => {
		const linked = (links.get(r.id) ?? []).map((l) => l.municipality);
		return {
			id: r.id,
			name: r.name,
			email: r.email,
			twoFactor: !!r.totpEnabledAt,
			status: statusOf(r, linked.length > 0),
			grants: grants.get(r.id) ?? [],
			signIn: summary(r, linked)
		};
	});
	return { users: list, total, page, pageCount, filters: { ...f, page } };
}

/** One municipality account the person signs in with: the link an administrator may end. */
export interface SignInLinkView {
	id: string;
	/** The provider's municipality; null is the region's own. */
	municipality: string | null;
	createdAt: Date;
	lastUsedAt: Date | null;
}

export interface UserDetail extends UserListItem {
	links: SignInLinkView[];
	createdAt: Date;
	disabledAt: Date | null;
	/** When the newest invitation link stops working; null when there is none open. */
	invitationExpiresAt: Date | null;
}

export async function getUser(q: Queryable, actor: Actor | null, userId: string): Promise<UserDetail> {
	authorize(actor, 'users.manage');
	if (!isUuid(userId)) throw userNotFound();
	const [user] = await q.select().from(users).where(eq(users.id, userId));
	if (!user) throw userNotFound();
	const [invitation] = await q
		.select({ expiresAt: emailTokens.expiresAt })
		.from(emailTokens)
		.where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, 'invitation'), isNull(emailTokens.usedAt)))
		.orderBy(desc(emailTokens.createdAt))
		.limit(1);
	const grants = await grantsOfUsers(q, [userId]);
	const links = (await linksOfUsers(q, [userId])).get(userId) ?? [];
	const linked = links.map((l) => l.municipality);
	return {
		id: user.id,
		name: user.name,
		email: user.email,
		twoFactor: !!user.totpEnabledAt,
		status: statusOf(user, linked.length > 0),
		grants: grants.get(userId) ?? [],
		signIn: summary(user, linked),
		links,
		createdAt: user.createdAt,
		disabledAt: user.disabledAt,
		invitationExpiresAt: invitation?.expiresAt ?? null
	};
}

/** The municipalities a municipal role can be granted for, in their usual order (for role pickers and filters). */
export async function grantableMunicipalities(q: Queryable, actor: Actor | null): Promise<{ id: string; name: string }[]> {
	authorize(actor, 'users.manage');
	return q.select({ id: municipalities.id, name: municipalities.name }).from(municipalities).orderBy(asc(municipalities.sortOrder));
}
