import { inArray } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { memberships } from '../../db/schema';
import type { GrantInput } from '../../../validation/admin';
import { roles, type MunicipalityId, type Role } from '../../../roles';

const roleOrder = (role: string) => (roles as readonly string[]).indexOf(role);

/** Regional roles first, then by role and municipality: the order the list and audit details use. */
export function sortGrants<G extends { role: string; municipalityId: string | null }>(grants: G[]): G[] {
	return [...grants].sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || (a.municipalityId ?? '').localeCompare(b.municipalityId ?? ''));
}

/** The memberships of many users in one query (no N+1), grouped per user. */
export async function grantsOfUsers(q: Queryable, userIds: string[]): Promise<Map<string, GrantInput[]>> {
	const byUser = new Map<string, GrantInput[]>(userIds.map((id) => [id, []]));
	if (!userIds.length) return byUser;
	const rows = await q
		.select({ userId: memberships.userId, role: memberships.role, municipalityId: memberships.municipalityId })
		.from(memberships)
		.where(inArray(memberships.userId, userIds));
	for (const r of sortGrants(rows)) {
		byUser.get(r.userId)?.push({ role: r.role as Role, municipalityId: r.municipalityId as MunicipalityId | null });
	}
	return byUser;
}
