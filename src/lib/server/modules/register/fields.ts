import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db';
import { collaborationAmbitions } from '../../db/schema';
import type { collaborationSchema } from '../../../validation/register';

export type CollaborationInput = z.output<typeof collaborationSchema>;

/** The arrangement's own columns, as the create and edit forms set them. */
export function fieldValues(data: CollaborationInput) {
	return {
		name: data.name,
		kind: data.kind,
		legalForm: data.legalForm,
		steering: data.steering,
		domain: data.domain,
		leadMunicipalityId: data.leadMunicipalityId,
		startsOn: data.startsOn,
		endsOn: data.endsOn,
		noticeTerm: data.noticeTerm,
		noticeUnit: data.noticeUnit,
		documents: data.documents
	};
}

/** Replaces the ambitions an arrangement serves. */
export async function replaceAmbitions(tx: Tx, collaborationId: string, ambitionIds: readonly number[]): Promise<void> {
	await tx.delete(collaborationAmbitions).where(eq(collaborationAmbitions.collaborationId, collaborationId));
	if (ambitionIds.length) await tx.insert(collaborationAmbitions).values(ambitionIds.map((ambitionId) => ({ collaborationId, ambitionId })));
}

export async function ambitionsOf(tx: Tx, collaborationId: string): Promise<number[]> {
	const rows = await tx
		.select({ id: collaborationAmbitions.ambitionId })
		.from(collaborationAmbitions)
		.where(eq(collaborationAmbitions.collaborationId, collaborationId));
	return rows.map((r) => r.id).sort((a, b) => a - b);
}
