import { desc, eq } from 'drizzle-orm';
import type { Db, Queryable } from '../../db';
import { agendaItemVersions, agendaItems, type Contributor } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { event } from '../../bus';
import { captureVersionSchema } from '../../../validation/agenda';
import type { VersionReason } from '../../../agenda/constants';
import { contentOf, freeze } from './content';
import { holdTexts } from './rich-text';
import { syncStoredTexts } from './sync-texts';
import type { ItemState } from './state';
import { changeItem, itemEventOf, type ItemAfter, type ItemAudit, type ItemWork } from './change';

export interface VersionRef {
	id: string;
	number: number;
	contentHash: string;
	reason: VersionReason;
	createdAt: Date;
}

/** The newest version of an item, or null. */
export async function latestVersion(q: Queryable, itemId: string): Promise<VersionRef | null> {
	const [row] = await q
		.select({
			id: agendaItemVersions.id,
			number: agendaItemVersions.number,
			contentHash: agendaItemVersions.contentHash,
			reason: agendaItemVersions.reason,
			createdAt: agendaItemVersions.createdAt
		})
		.from(agendaItemVersions)
		.where(eq(agendaItemVersions.itemId, itemId))
		.orderBy(desc(agendaItemVersions.number))
		.limit(1);
	return row ? { ...row, reason: row.reason as VersionReason } : null;
}

/**
 * Freezes the item as it is in `state` into the next version number. Runs inside the caller's transaction,
 * which must hold the item row lock (loadItemState with `lock`), so version numbers never collide.
 * The contributors are those who changed the item since the last version; the list starts anew.
 */
export async function insertVersion(
	tx: Queryable,
	state: ItemState,
	reason: VersionReason,
	createdBy: Pick<Actor, 'userId' | 'name'> | null,
	opts: { restoredFrom?: number; contributors?: Contributor[] } = {}
): Promise<VersionRef> {
	const { canonical, hash } = freeze(contentOf(state));
	const last = await latestVersion(tx, state.id);
	const [row] = await tx
		.insert(agendaItemVersions)
		.values({
			itemId: state.id,
			number: (last?.number ?? 0) + 1,
			reason,
			content: canonical,
			contentHash: hash,
			restoredFrom: opts.restoredFrom ?? null,
			createdBy: createdBy?.userId ?? null,
			contributors: opts.contributors ?? state.pendingContributors
		})
		.returning();
	await tx.update(agendaItems).set({ pendingContributors: [] }).where(eq(agendaItems.id, state.id));
	return { id: row.id, number: row.number, contentHash: row.contentHash, reason, createdAt: row.createdAt };
}

export interface CaptureResult {
	version: VersionRef;
	/** False when nothing changed since the newest version: that version is returned, no new one made. */
	created: boolean;
}

/**
 * "Versie vastleggen": freezes the item now, unless it is unchanged since its newest version. It includes
 * what was typed a moment ago: the texts come from the stored co-editing documents, not the row's snapshot.
 */
export async function captureVersion(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<CaptureResult> {
	authorize(actor, 'item.edit');
	const { itemId } = parse(captureVersionSchema, input);
	const release = await holdTexts(itemId);
	try {
		const { value } = await changeItem<CaptureResult>(db, actor, itemId, origin, async (tx, current, audit) => {
			const state = await syncStoredTexts(tx, current);
			const work = await freezeIfChanged(tx, state, audit, 'manual', actor);
			if (!work.unchanged) return { ...work, value: { version: work.value, created: true } };
			const result = { version: work.value, created: false };
			// The row's texts caught up with the documents, but the content equals the newest version: no seq, no events.
			return state === current ? { unchanged: true, value: result } : { value: result, state, withoutSeq: true, events: () => [] };
		});
		return value;
	} finally {
		release();
	}
}

const systemOrigin: Origin = { ip: null, userAgent: 'regioportaal (automatische versie)' };

/**
 * For the co-editing module, after a pause in editing: freezes an `auto` version when the item changed
 * since its newest version; otherwise does nothing and returns null. With `minIntervalMs`, also does nothing
 * while the newest version is younger than that. The system is the author; the contributors are the editors.
 */
export async function captureAutoVersionIfIdle(db: Db, itemId: string, opts: { minIntervalMs?: number; now?: Date } = {}): Promise<VersionRef | null> {
	const now = opts.now ?? new Date();
	const { value, after } = await changeItem<VersionRef | null>(db, null, itemId, systemOrigin, async (tx, state, audit) => {
		const last = await latestVersion(tx, itemId);
		if (last && opts.minIntervalMs && now.getTime() - last.createdAt.getTime() < opts.minIntervalMs) return { unchanged: true, value: null };
		return freezeIfChanged(tx, state, audit, 'auto', null);
	});
	return after ? value : null;
}

/**
 * The work of both: a new version of `reason` when the content differs from the newest version's, with its
 * audit row and event. Unchanged content makes nothing and answers with the newest version.
 */
async function freezeIfChanged(
	tx: Queryable,
	state: ItemState,
	audit: ItemAudit,
	reason: 'manual' | 'auto',
	actor: Pick<Actor, 'userId' | 'name'> | null
): Promise<ItemWork<VersionRef>> {
	const last = await latestVersion(tx, state.id);
	if (last && last.contentHash === freeze(contentOf(state)).hash) return { unchanged: true, value: last };
	const version = await insertVersion(tx, state, reason, actor);
	await audit('item.version_captured', { version: version.number, contentHash: version.contentHash, reason });
	const data = (after: ItemAfter) => ({ ...itemEventOf(after.state, actor), version: version.number });
	return { value: version, state, events: (after) => [event('item.version_captured', data(after))] };
}
