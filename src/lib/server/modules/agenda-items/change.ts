import type { Db, Queryable, Tx } from '../../db';
import { event, eventActor, inTransaction, type DomainEvent, type ItemEvent } from '../../bus';
import type { Actor } from '../../permissions';
import { record, type AuditAction, type AuditDetails, type AuditEntry, type Origin } from '../audit';
import { DomainError } from '../../errors';
import { isFrozenStatus, type VoidReason } from '../../../decisions/constants';
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
	/** Voids every valid sign-off of the item (the rows stay, marked and audited); returns the voided ones. */
	voidSignOffs(tx: Queryable, itemId: string, actor: Who, reason: VoidReason, origin: Origin): Promise<VoidedSignOff[]>;
	/** Whether two states of an item have the same signed content (what a college signature is about). */
	sameSignedContent(a: ItemState, b: ItemState): boolean;
}

/** A sign-off that stopped counting: whose it was and which version it was about. */
export interface VoidedSignOff {
	id: string;
	municipalityId: string;
	version: number;
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

/** The item after a command: its state with the final `seq`. */
export interface ItemAfter {
	state: ItemState;
}

/** What a command's work did. `unchanged`: nothing was written (no seq, no events, no rule). */
export type ItemWork<T> =
	| { unchanged: true; value: T }
	| {
			unchanged?: false;
			value: T;
			/** The item as the work left it (status, revision and fields; the seq is set afterwards). */
			state: ItemState;
			/** The work may have changed signed content: refused while the item is frozen (see `refuseFrozenEdit`). */
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
	| 'item.publication_changed'
	| 'position.set'
	| 'signoff.recorded'
	| 'council_decision.recorded'
	| 'scenario.added'
	| 'scenario.updated'
	| 'scenario.removed'
	| 'scenario.proposed'
	| 'scenario.criteria_set'
	| 'scenario.scored'
>;

/** Writes an audit row about the item, by the command's actor and origin, at once (so rows keep their order). */
export type ItemAudit = <A extends ItemAuditAction>(action: A, details: AuditDetails[A]) => Promise<void>;

/**
 * The one path of every write to an existing agenda item: one transaction that locks the item row, runs
 * the command's work (which records its audit rows through `audit`), refuses it when it changed frozen
 * content (below), bumps the item's `seq` once and publishes the command's events after the commit.
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
		if (done.contentChanged) refuseFrozenEdit(item, done.state);
		const seq = done.withoutSeq ? item.seq : await nextSeq(tx, itemId);
		const after: ItemAfter = { state: { ...done.state, seq } };
		sink.add(...done.events(after));
		return { value: done.value, after };
	});
}

/**
 * From gereed voor besluitvorming on, the signed content is what the colleges sign or signed: a change to it
 * is refused (the transaction rolls back, nothing is stored), whichever way it came (form, API, restore,
 * co-editing). Changing it takes Heropenen (reopen-item.ts), which voids the signatures visibly. A change
 * that leaves the signed content as it was (a milestone marked done, progress) goes through.
 */
function refuseFrozenEdit(before: ItemState, after: ItemState): void {
	if (!isFrozenStatus(before.status)) return;
	if (signOffRules().sameSignedContent(before, after)) return;
	throw new DomainError('agenda_item_frozen', { status: before.status }, {}, 409);
}

/** The status event of a command, from the item at the end. */
export function statusEvent(after: ItemAfter, from: string, actor: Who, version?: number): DomainEvent {
	return event('item.status_changed', { ...itemEventOf(after.state, actor), from, ...(version === undefined ? {} : { version }) });
}

/**
 * The event of sign-offs that stopped counting: the municipalities whose college decisions were voided (they
 * and their griffies are told), the version they were about, why, and the reason given when reopening.
 */
export function signOffsVoidedEvent(after: ItemAfter, voided: VoidedSignOff[], reason: VoidReason, actor: Who, note?: string): DomainEvent {
	const { state } = after;
	return event('signoff.voided', {
		itemId: state.id,
		seq: state.seq,
		status: state.status,
		municipalityId: null,
		by: eventActor(actor),
		count: voided.length,
		reason,
		municipalityIds: [...new Set(voided.map((v) => v.municipalityId))],
		version: voided[0]?.version ?? null,
		...(note ? { note } : {})
	});
}
