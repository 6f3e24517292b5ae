import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db';
import { collaborationMoments } from '../../db/schema';
import { DomainError } from '../../errors';
import { assertParticipates } from './change';

/** A moment of one arrangement; anything else (another arrangement's, a removed one) is not found. */
export async function loadMoment(tx: Tx, collaborationId: string, momentId: string) {
	const [row] = await tx
		.select()
		.from(collaborationMoments)
		.where(and(eq(collaborationMoments.id, momentId), eq(collaborationMoments.collaborationId, collaborationId)));
	if (!row) throw new DomainError('register_moment_not_found', {}, {}, 404);
	return row;
}

/** A moment for one council (a zienswijze deadline) is only for a municipality that takes part. */
export async function assertMomentFor(tx: Tx, collaborationId: string, municipalityId: string | null): Promise<void> {
	if (municipalityId) await assertParticipates(tx, collaborationId, municipalityId);
}
