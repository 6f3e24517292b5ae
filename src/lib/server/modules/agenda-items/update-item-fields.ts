import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db';
import { event } from '../../bus';
import { agendaItems } from '../../db/schema';
import { ValidationError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { municipalityIds } from '../../../roles';
import { itemFieldNames, updateItemSchema, type ItemFieldName, type ItemFields } from '../../../validation/agenda';
import { AgendaConflictError } from './conflict';
import { checkItemRules } from './rules';
import { structuredColumns, withContributor, writeChildren, type ChildList, type ItemState } from './state';
import { changeItem, itemEventOf } from './change';

type Patch = Partial<ItemFields>;

const scalarFields = [
	'ambitionId',
	'title',
	'summary',
	'horizon',
	'trekkerId',
	'startDate',
	'endDate',
	'costEstimateCents',
	'verdeelsleutel'
] as const satisfies readonly ItemFieldName[];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const byMunicipalityOrder = (a: { municipalityId: string }, b: { municipalityId: string }) =>
	municipalityIds.indexOf(a.municipalityId as never) - municipalityIds.indexOf(b.municipalityId as never);

/**
 * The item as it would be after the patch, and which fields really change. The trekker always takes
 * part: choosing a new trekker adds it as a participant; removing the trekker from the participants is refused.
 */
export function applyPatch(current: ItemState, patch: Patch): { next: ItemState; changed: Set<ItemFieldName> } {
	const next: ItemState = structuredClone(current);
	const fields: Record<string, string> = {};

	for (const key of scalarFields) {
		if (patch[key] !== undefined) (next as unknown as Record<string, unknown>)[key] = patch[key];
	}
	if (patch.contributions) next.contributions = patch.contributions;
	if (patch.milestones) next.milestones = patch.milestones;
	if (patch.links) next.links = patch.links;
	if (patch.tags) next.tags = patch.tags;
	if (patch.people) next.people = [...patch.people].sort();

	if (patch.participants) {
		const before = new Map(current.participants.map((p) => [p.municipalityId, p.customShareBp]));
		next.participants = patch.participants
			.map((p) => ({
				municipalityId: p.municipalityId,
				customShareBp: p.customShareBp !== undefined ? p.customShareBp : (before.get(p.municipalityId) ?? null)
			}))
			.sort(byMunicipalityOrder);
		if (next.trekkerId && patch.trekkerId === undefined && !next.participants.some((p) => p.municipalityId === next.trekkerId)) {
			fields.participants = 'validation_agenda_trekker_must_take_part';
		}
	}
	if (patch.trekkerId && !next.participants.some((p) => p.municipalityId === patch.trekkerId)) {
		next.participants = [...next.participants, { municipalityId: patch.trekkerId, customShareBp: null }].sort(byMunicipalityOrder);
	}
	if (patch.shares) {
		for (const share of patch.shares) {
			const p = next.participants.find((x) => x.municipalityId === share.municipalityId);
			if (!p) fields.shares = 'validation_agenda_share_not_participant';
			else p.customShareBp = share.customShareBp;
		}
	}
	if (Object.keys(fields).length) throw new ValidationError(fields);

	const changed = new Set<ItemFieldName>();
	for (const key of itemFieldNames) {
		if (key === 'shares' || key === 'participants') continue;
		if (!same((current as unknown as Record<string, unknown>)[key], (next as unknown as Record<string, unknown>)[key])) changed.add(key);
	}
	const membership = (s: ItemState) => s.participants.map((p) => p.municipalityId);
	const shares = (s: ItemState) => s.participants.filter((p) => p.customShareBp !== null).map((p) => `${p.municipalityId}:${p.customShareBp}`);
	if (!same(membership(current), membership(next))) changed.add('participants');
	if (!same(shares(current), shares(next))) changed.add('shares');
	return { next, changed };
}

const childListOf: Partial<Record<ItemFieldName, ChildList>> = {
	contributions: 'contributions',
	participants: 'participants',
	shares: 'participants',
	milestones: 'milestones',
	links: 'links',
	people: 'people'
};

export interface UpdateResult {
	revision: number;
	changed: ItemFieldName[];
}

/**
 * Changes structured fields of an item. The editor sends the revision it saw; if someone changed the item
 * since, nothing is stored and an AgendaConflictError carries the current values.
 */
export async function updateItemFields(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<UpdateResult> {
	authorize(actor, 'item.edit');
	const { itemId, revision, ...patch } = parse(updateItemSchema, input);

	const { value: changed, after } = await changeItem(db, actor, itemId, origin, async (tx, current, audit) => {
		if (current.revision !== revision) throw new AgendaConflictError(current);
		const { next, changed } = applyPatch(current, patch);
		if (changed.size === 0) return { unchanged: true, value: [] as ItemFieldName[] };
		await checkItemRules(tx, next, changed);
		const state = await writeFields(tx, current, next, changed, actor);
		const scalarChanges = Object.fromEntries(scalarFields.filter((f) => changed.has(f) && f !== 'summary').map((f) => [f, { from: current[f], to: next[f] }]));
		await audit('item.updated', { fields: [...changed], changes: scalarChanges, revision: state.revision });
		const fields = [...changed];
		return {
			value: fields,
			state,
			// Refused while the item is frozen, unless only implementation data changed (a milestone marked done).
			contentChanged: true,
			events: (after) => [event('item.fields_changed', { ...itemEventOf(after.state, actor), fields })]
		};
	});
	return { revision: after?.state.revision ?? revision, changed };
}

/** Writes the changed child lists and the item row (a new revision), inside the command's transaction. */
async function writeFields(tx: Tx, current: ItemState, next: ItemState, changed: Set<ItemFieldName>, actor: Actor | null): Promise<ItemState> {
	const lists = [...new Set([...changed].map((f) => childListOf[f]).filter((l): l is ChildList => !!l))];
	await writeChildren(tx, next, lists);
	const [row] = await tx
		.update(agendaItems)
		.set({
			...structuredColumns(next),
			revision: current.revision + 1,
			updatedAt: new Date(),
			pendingContributors: withContributor(current.pendingContributors, actor)
		})
		.where(eq(agendaItems.id, current.id))
		.returning({ revision: agendaItems.revision });
	return { ...next, revision: row.revision };
}
