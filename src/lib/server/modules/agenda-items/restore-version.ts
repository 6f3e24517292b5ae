import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db';
import { event } from '../../bus';
import { agendaItemVersions, agendaItems, users } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { restoreVersionSchema } from '../../../validation/agenda';
import type { Horizon, Verdeelsleutel } from '../../../agenda/constants';
import { AgendaConflictError } from './conflict';
import { isFrozenStatus } from '../../../decisions/constants';
import type { ItemContent } from './content';
import { structuredColumns, withContributor, writeChildren, type ItemState } from './state';
import { insertVersion } from './capture-version';
import { richTextReplacer } from './rich-text';
import { changeItem, itemEventOf, type ItemAfter } from './change';

/**
 * Brings back the content of an old version as a new version ("restore"). Every field and both texts
 * return; the status does not (a status is changed only by its own transitions). Nothing is ever deleted:
 * the versions in between stay in the history.
 */
export async function restoreVersion(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ version: number; revision: number }> {
	authorize(actor, 'item.edit');
	const { itemId, number, revision } = parse(restoreVersionSchema, input);

	const { value: version, after } = await changeItem(db, actor, itemId, origin, async (tx, current, audit) => {
		if (revision !== undefined && current.revision !== revision) throw new AgendaConflictError(current);
		// Before the co-editing documents are touched: restoring over frozen content is changing it.
		if (isFrozenStatus(current.status)) throw new DomainError('agenda_item_frozen', { status: current.status }, {}, 409);
		const content = await storedContent(tx, itemId, number);
		const next = restored(current, content, await stillKnown(tx, content.people), actor);
		const replace = richTextReplacer();
		if (replace) await replace(tx, itemId, { description: content.description, meerwaarde: content.meerwaarde });
		await writeChildren(tx, next, ['contributions', 'participants', 'milestones', 'links', 'people']);
		const [row] = await tx
			.update(agendaItems)
			.set({
				...structuredColumns(next),
				descriptionHtml: next.descriptionHtml,
				descriptionText: next.descriptionText,
				meerwaardeHtml: next.meerwaardeHtml,
				meerwaardeText: next.meerwaardeText,
				revision: current.revision + 1,
				updatedAt: new Date(),
				pendingContributors: next.pendingContributors
			})
			.where(eq(agendaItems.id, itemId))
			.returning({ revision: agendaItems.revision });
		const state = { ...next, revision: row.revision };
		const version = await insertVersion(tx, state, 'restore', actor, { restoredFrom: number });
		await audit('item.version_restored', { restoredFrom: number, version: version.number, contentHash: version.contentHash });
		// Restoring over frozen content is editing it: refused while the item is frozen (changeItem).
		const data = (after: ItemAfter) => ({ ...itemEventOf(after.state, actor), version: version.number });
		return { value: version.number, state, contentChanged: true, events: (after) => [event('item.restored', data(after))] };
	});
	return { version, revision: after!.state.revision };
}

/** The content of one stored version of the item. */
async function storedContent(tx: Tx, itemId: string, number: number): Promise<ItemContent> {
	const [old] = await tx
		.select()
		.from(agendaItemVersions)
		.where(and(eq(agendaItemVersions.itemId, itemId), eq(agendaItemVersions.number, number)));
	if (!old) throw new DomainError('agenda_version_not_found', {}, {}, 404);
	return JSON.parse(old.content) as ItemContent;
}

/** People who no longer have an account cannot be involved again. */
async function stillKnown(tx: Tx, people: string[]): Promise<string[]> {
	if (!people.length) return [];
	return (await tx.select({ id: users.id }).from(users).where(inArray(users.id, people))).map((u) => u.id).sort();
}

/** The item with every field and both texts of the old content; the status stays. */
function restored(current: ItemState, content: ItemContent, people: string[], actor: Actor | null): ItemState {
	return {
		...current,
		ambitionId: content.ambitionId,
		title: content.title,
		summary: content.summary,
		descriptionHtml: content.description.html,
		descriptionText: content.description.text,
		meerwaardeHtml: content.meerwaarde.html,
		meerwaardeText: content.meerwaarde.text,
		horizon: content.horizon as Horizon,
		trekkerId: content.trekkerId,
		startDate: content.startDate,
		endDate: content.endDate,
		costEstimateCents: content.costEstimateCents,
		verdeelsleutel: content.verdeelsleutel as Verdeelsleutel,
		contributions: content.contributions,
		participants: content.participants,
		milestones: content.milestones,
		links: content.links,
		tags: content.tags,
		people,
		pendingContributors: withContributor(current.pendingContributors, actor)
	};
}
