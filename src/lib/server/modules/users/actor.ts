import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { memberships } from '../../db/schema';
import type { Actor, Grant } from '../../permissions';
import { twoFactorRequiredRoles, type Role } from '../../../roles';

export async function loadGrants(q: Queryable, userId: string): Promise<Grant[]> {
	const rows = await q.select({ role: memberships.role, municipalityId: memberships.municipalityId }).from(memberships).where(eq(memberships.userId, userId));
	return rows.map((r) => ({ role: r.role as Role, municipalityId: r.municipalityId }));
}

export async function loadActor(q: Queryable, user: { id: string; name: string }): Promise<Actor> {
	return { userId: user.id, name: user.name, grants: await loadGrants(q, user.id) };
}

/** Administrators and college members must use a second factor. */
export function requiresTwoFactor(grants: readonly Grant[]): boolean {
	return grants.some((g) => twoFactorRequiredRoles.includes(g.role));
}
