import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { collaborationContributions, memberships, users } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { listCollaborations } from './queries';

/**
 * The register as its overview page shows it: every arrangement of `listCollaborations` with the total the
 * five contribute to it in `year` (null when nothing is recorded for that year).
 */
export async function registerOverview(q: Queryable, actor: Actor | null, filter: unknown, year: number) {
	const rows = await listCollaborations(q, actor, filter);
	const totals = rows.length
		? await q
				.select({ id: collaborationContributions.collaborationId, cents: sql<string>`sum(${collaborationContributions.cents})` })
				.from(collaborationContributions)
				.where(
					and(
						inArray(
							collaborationContributions.collaborationId,
							rows.map((r) => r.id)
						),
						eq(collaborationContributions.year, year)
					)
				)
				.groupBy(collaborationContributions.collaborationId)
		: [];
	const byId = new Map(totals.map((t) => [t.id, Number(t.cents)]));
	return rows.map((r) => ({ ...r, yearTotalCents: byId.get(r.id) ?? null }));
}

/**
 * The portal accounts a municipality's board member or rapporteur can be linked to: the people with a role
 * in that municipality (its aldermen and council members), so the *dubbele pet* follows them around.
 */
export async function linkablePeople(q: Queryable, actor: Actor | null, municipalityId: string) {
	authorize(actor, 'register.read');
	const rows = await q
		.selectDistinct({ id: users.id, name: users.name })
		.from(users)
		.innerJoin(memberships, eq(memberships.userId, users.id))
		.where(and(eq(memberships.municipalityId, municipalityId), sql`${users.disabledAt} is null`))
		.orderBy(users.name, users.id);
	return rows;
}
