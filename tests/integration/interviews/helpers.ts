import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import type { Db } from '../../../src/lib/server/db';
import { auditEvents } from '../../../src/lib/server/db/schema';
import { captureCandidate, createInterview } from '../../../src/lib/server/modules/interviews';
import type { Actor } from '../../../src/lib/server/permissions';
import { testOrigin } from '../../fixtures/factories';

/** An interview of `actor` (a verkenner), shared with the klankbordgroep unless given otherwise. */
export async function newInterview(db: Db, actor: Actor, input: Record<string, unknown> = {}): Promise<string> {
	const { id } = await createInterview(
		db,
		actor,
		{ municipalityId: 'leiden', body: 'directieteam', heldOn: '2026-01-20', participants: 'Gemeentesecretaris', ...input },
		testOrigin
	);
	return id;
}

/** A candidate in an interview; returns its (client-made) id. */
export async function newCandidate(db: Db, actor: Actor, interviewId: string, input: Record<string, unknown> = {}): Promise<string> {
	const id = randomUUID();
	await captureCandidate(
		db,
		actor,
		{
			id,
			interviewId,
			title: 'Regionale woningbouwafspraken',
			ambitionId: 1,
			horizon: 'voor_verkiezingen',
			meerwaarde: 'Samen locaties kiezen.',
			interested: ['leiden', 'oegstgeest'],
			...input
		},
		testOrigin
	);
	return id;
}

/** The notes editor's document for some paragraphs. */
export const doc = (...paragraphs: string[]) => ({
	type: 'doc',
	content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }))
});

export async function auditOfInterview(db: Db, interviewId: string) {
	return db
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.objectType, 'interview'), eq(auditEvents.objectId, interviewId), like(auditEvents.action, 'interview.%')))
		.orderBy(auditEvents.id);
}
