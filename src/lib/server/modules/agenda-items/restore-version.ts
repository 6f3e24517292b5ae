import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { agendaItemVersions, agendaItems, users } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import { restoreVersionSchema } from '../../../validation/agenda';
import type { Horizon, Verdeelsleutel } from '../../../agenda/constants';
import { AgendaConflictError } from './conflict';
import type { ItemContent } from './content';
import { loadItemState, structuredColumns, withContributor, writeChildren, type ItemState } from './state';
import { insertVersion } from './capture-version';
import { richTextReplacer } from './rich-text';
import { publishItemChange } from './events';
import { returnToDiscussionAfterEdit } from '../decisions/on-content-edit';

/**
 * Brings back the content of an old version as a new version ("restore"). Every field and both texts
 * return; the status does not (a status is changed only by its own transitions). Nothing is ever deleted:
 * the versions in between stay in the history.
 */
export async function restoreVersion(
	db: Db,
	actor: Actor | null,
	input: unknown,
	origin: Origin
): Promise<{ version: number; revision: number }> {
	authorize(actor, 'item.edit');
	const { itemId, number, revision } = parse(restoreVersionSchema, input);

	const out = await db.transaction(async (tx) => {
		const current = await loadItemState(tx, itemId, { lock: true });
		if (revision !== undefined && current.revision !== revision) throw new AgendaConflictError(current);
		const [old] = await tx
			.select()
			.from(agendaItemVersions)
			.where(and(eq(agendaItemVersions.itemId, itemId), eq(agendaItemVersions.number, number)));
		if (!old) throw new DomainError('agenda_version_not_found', {}, {}, 404);
		const content = JSON.parse(old.content) as ItemContent;
		// People who no longer have an account cannot be involved again.
		const people = content.people.length
			? (await tx.select({ id: users.id }).from(users).where(inArray(users.id, content.people))).map((u) => u.id).sort()
			: [];

		const pendingContributors = withContributor(current.pendingContributors, actor);
		const next: ItemState = {
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
			pendingContributors
		};
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
				seq: current.seq + 1,
				updatedAt: new Date(),
				pendingContributors
			})
			.where(eq(agendaItems.id, itemId))
			.returning({ revision: agendaItems.revision, seq: agendaItems.seq });
		const state = { ...next, revision: row.revision, seq: row.seq };
		const version = await insertVersion(tx, state, 'restore', actor, { restoredFrom: number });
		await record(tx, {
			actor,
			action: 'item.version.restore',
			objectType: 'agenda_item',
			objectId: itemId,
			origin,
			details: { restoredFrom: number, version: version.number, contentHash: version.contentHash }
		});
		const reopened = await returnToDiscussionAfterEdit(tx, itemId, actor, origin);
		if (reopened) return { state: reopened.change.state, version, seq: reopened.change.seq };
		return { state, version, seq: row.seq };
	});

	publishItemChange(out.state, out.seq, 'restored', actor, { version: out.version.number });
	return { version: out.version.number, revision: out.state.revision };
}
