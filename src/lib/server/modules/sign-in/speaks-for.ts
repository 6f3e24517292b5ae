import { and, eq, inArray, isNull, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { memberships } from '../../db/schema';
import { regionalRoles } from '../../../roles';

/**
 * The memberships a provider speaks for: the roles of its municipality, or for the region's own provider (no
 * municipality) the regional roles. One rule for matching a person by e-mail and for switching their password
 * off. `municipalityId` is the provider's: its column in a join, or a known value (null: the region's).
 */
export function speaksFor(municipalityId: SQLWrapper | string | null): SQL {
	const provider = typeof municipalityId === 'string' || municipalityId === null ? sql`${municipalityId}::text` : municipalityId;
	return or(
		eq(memberships.municipalityId, provider),
		and(isNull(provider), isNull(memberships.municipalityId), inArray(memberships.role, [...regionalRoles]))
	)!;
}
