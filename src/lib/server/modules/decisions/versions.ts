import { asc, and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { agendaItemVersions, users } from '../../db/schema';
import { DomainError } from '../../errors';
import type { Actor } from '../../permissions';
import { getItem, type ItemContent } from '../agenda-items';
import { signedHashOfStored } from './signed-content';

/** One stored version as the API lists it: what a verifier needs to check a signature against it. */
export interface VersionSummary {
	number: number;
	reason: string;
	createdAt: string;
	createdBy: string | null;
	/** SHA-256 of the stored canonical JSON (what a sign-off's `version.contentHash` names). */
	contentHash: string;
	/** SHA-256 of the canonical JSON of its signed content (signed-content.ts: without status and milestones' done). */
	signedContentHash: string | null;
}

export interface VersionContent extends VersionSummary {
	/** Exactly the stored canonical JSON string the content hash is computed over. */
	canonical: string;
	content: ItemContent | null;
}

/** Every version of an item, for whoever may read the item (the item's own visibility; 404 otherwise). */
export async function listVersions(q: Queryable, actor: Actor | null, itemId: string): Promise<VersionSummary[]> {
	await getItem(q, actor, itemId);
	const rows = await versionRows(q, itemId);
	return rows.map(({ canonical, ...v }) => ({ ...v, signedContentHash: signedHash(canonical) }));
}

/** One version's stored canonical content and hashes; a number that is no positive integer is refused. */
export async function getVersion(q: Queryable, actor: Actor | null, itemId: string, number: string | number): Promise<VersionContent> {
	const n = typeof number === 'number' ? number : /^[0-9]{1,9}$/.test(number) ? Number(number) : NaN;
	if (!Number.isInteger(n) || n < 1) throw new DomainError('decisions_version_not_number', {}, {}, 400);
	await getItem(q, actor, itemId);
	const [row] = await versionRows(q, itemId, n);
	if (!row) throw new DomainError('decisions_version_unknown', {}, {}, 404);
	return { ...row, signedContentHash: signedHash(row.canonical), content: parsed(row.canonical) };
}

async function versionRows(q: Queryable, itemId: string, number?: number) {
	const rows = await q
		.select({
			number: agendaItemVersions.number,
			reason: agendaItemVersions.reason,
			createdAt: agendaItemVersions.createdAt,
			createdBy: users.name,
			contentHash: agendaItemVersions.contentHash,
			canonical: agendaItemVersions.content
		})
		.from(agendaItemVersions)
		.leftJoin(users, eq(users.id, agendaItemVersions.createdBy))
		.where(and(eq(agendaItemVersions.itemId, itemId), number === undefined ? undefined : eq(agendaItemVersions.number, number)))
		.orderBy(asc(agendaItemVersions.number));
	return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString(), createdBy: r.createdBy ?? null }));
}

/** A stored snapshot that no longer parses has no signed-content hash (and so never verifies). */
function signedHash(canonical: string): string | null {
	try {
		return signedHashOfStored(canonical);
	} catch {
		return null;
	}
}

function parsed(canonical: string): ItemContent | null {
	try {
		return JSON.parse(canonical) as ItemContent;
	} catch {
		return null;
	}
}
