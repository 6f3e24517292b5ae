import type { Db, Queryable, Tx } from '../../db';
import { event, eventActor, inTransaction, type DomainEvent, type ItemEvent } from '../../bus';
import type { Actor } from '../../permissions';
import { record, type AuditAction, type AuditDetails, type AuditEntry, type Origin } from '../audit';
import { frozenStatuses, type VoidReason } from '../../../decisions/constants';
import { changeStatus } from './change-status';
import { loadItemState, nextSeq, type ItemState } from './state';

type Who = Pick<Actor, 'userId' | 'name'> | null;

/**
 * What the sign-off round decides about an item's content. `changeItem` lives here because every write to
 * an item (this module's own commands and the decisions module's) goes through it; the decisions module
 * owns the sign-offs and depends on this module (item state, status changes, `changeItem`), so the
 * dependency can only point that way: this module states what it needs here and the decisions module
 * provides it when its face is loaded (`useSignOffRules`). A command that needs the rules while none are
 * provided fails; it never skips them.
 */
export interface SignOffRules {
	/** Voids every valid sign-off of the item (the rows stay, marked and audited); returns how many. */
	voidSignOffs(tx: Queryable, itemId: string, actor: Who, reason: VoidReason, origin: Origin): Promise<number>;
	/** Whether the signed content of the item as it is now differs from the version the signatures are about. */
	signedContentDiffers(tx: Queryable, state: ItemState): Promise<boolean>;
}

// Held on globalThis like the rich-text replacer: the development server may load this file more than once.
const rulesKey = Symbol.for('regioportaal.agenda.signOffRules');
const holder = globalThis as { [rulesKey]?: SignOffRules };

export function useSignOffRules(rules: SignOffRules): void {
	holder[rulesKey] = rules;
}

export function signOffRules(): SignOffRules {
	const rules = holder[rulesKey];
	if (!rules) throw new Error('agenda-items: the sign-off rules are not provided (load the decisions module)');
	return rules;
}

/** The item as every item event carries it. */
export function itemEventOf(state: Pick<ItemState, 'id' | 'seq' | 'revision' | 'status' | 'ambitionId' | 'title'>, actor: Who): ItemEvent {
	return {
		itemId: state.id,
		seq: state.seq,
		revision: state.revision,
		status: state.status,
		ambitionId: state.ambitionId,
		title: state.title,
		by: eventActor(actor)
	};
}

/** The item after a command: its state with the final `seq`, and whether editing frozen content reopened it. */
export interface ItemAfter {
	state: ItemState;
	reopened: boolean;
}

/** What a command's work did. `unchanged`: nothing was written (no seq, no events, no rule). */
export type ItemWork<T> =
	| { unchanged: true; value: T }
	| {
			unchanged?: false;
			value: T;
			/** The item as the work left it (status, revision and fields; the seq is set afterwards). */
			state: ItemState;
			/** The work may have changed content that a sign-off round froze. */
			contentChanged?: boolean;
			/** The change reaches the clients another way (co-edited text through Yjs): it takes no `seq`. */
			withoutSeq?: boolean;
			/** The events of the command, from the item as it is at the end. */
			events: (after: ItemAfter) => DomainEvent[];
	  };

/** The actions a command on an item records through `changeItem`'s audit helper. */
type ItemAuditAction = Extract<
	AuditAction,
	| 'item.updated'
	| 'item.version_captured'
	| 'item.version_restored'
	| 'item.progress_reported'
	| 'position.set'
	| 'signoff.recorded'
	| 'council_decision.recorded'
>;

/** Writes an audit row about the item, by the command's actor and origin, at once (so rows keep their order). */
export type ItemAudit = <A extends ItemAuditAction>(action: A, details: AuditDetails[A]) => Promise<void>;

/**
 * The one path of every write to an existing agenda item: one transaction that locks the item row, runs
 * the command's work (which records its audit rows through `audit`), bumps the item's `seq` once, applies
 * the rule of frozen content (below) and publishes the command's events after the commit.
 */
export async function changeItem<T>(
	db: Db,
	actor: Who,
	itemId: string,
	origin: Origin,
	work: (tx: Tx, item: ItemState, audit: ItemAudit) => Promise<ItemWork<T>>
): Promise<{ value: T; after: ItemAfter | null }> {
	return inTransaction(db, async (tx, sink) => {
		const item = await loadItemState(tx, itemId, { lock: true });
		// `action` and `details` agree by ItemAudit's signature; TypeScript cannot follow that into the union of entries.
		const audit: ItemAudit = (action, details) =>
			record(tx, { actor, ...(actor ? {} : { actorLabel: 'systeem' }), action, objectType: 'agenda_item', objectId: itemId, origin, details } as AuditEntry);
		const done = await work(tx, item, audit);
		if (done.unchanged) return { value: done.value, after: null };
		const seq = done.withoutSeq ? item.seq : await nextSeq(tx, itemId);
		let after: ItemAfter = { state: { ...done.state, seq }, reopened: false };
		if (done.contentChanged) after = (await returnToDiscussionAfterEdit(tx, itemId, actor, origin)) ?? after;
		sink.add(...done.events(after));
		return { value: done.value, after };
	});
}

/**
 * When the content is frozen for or by the sign-off round (gereed voor besluitvorming, vastgesteld) and the
 * signed content now differs from the version the signatures are about, the sign-offs become void (visibly)
 * and the item returns to in bespreking. Implementation data (a milestone marked done) changes no signed
 * content and voids nothing. Later (in uitvoering, afgerond) an edit voids nothing either: the item page
 * shows that the text no longer matches the signed version. Returns null when nothing happened.
 */
async function returnToDiscussionAfterEdit(tx: Tx, itemId: string, actor: Who, origin: Origin): Promise<ItemAfter | null> {
	const state = await loadItemState(tx, itemId);
	if (!(frozenStatuses as readonly string[]).includes(state.status)) return null;
	const rules = signOffRules();
	if (!(await rules.signedContentDiffers(tx, state))) return null;
	const voided = await rules.voidSignOffs(tx, itemId, actor, 'edited', origin);
	const change = await changeStatus(tx, state, 'in_bespreking', actor, origin, { cause: 'edited', voidedSignOffs: voided });
	return { state: { ...change.state, seq: await nextSeq(tx, itemId) }, reopened: true };
}

/** The status event of a command, from the item at the end. */
export function statusEvent(after: ItemAfter, from: string, actor: Who, version?: number): DomainEvent {
	return event('item.status_changed', { ...itemEventOf(after.state, actor), from, ...(version === undefined ? {} : { version }) });
}
