import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { richTextFieldSchema, type RichTextField } from '../../validation/collab';
import type { NodeLink } from './cluster';
import { fromWire, toWire } from './yjs-protocol';
import { unref } from './yjs-options';

/**
 * Co-editing across app nodes. Every node keeps its own copy of a document that someone on it has open; the
 * browsers' changes reach the browsers on other nodes through the socket.io adapter (the room broadcast), and
 * what this file sends keeps the nodes' own copies and rules in step:
 * - `committed`: changes this node stored, so the other copies apply them (their late joiners get them too);
 * - `awareness`: who is where, so a node greets a newcomer with everyone's presence, not only its own people;
 * - `frozen` and `hold`/`release`: the freeze for decision-making stops changes on every node, not only on the
 *   one that froze the item (the database refuses them anyway; this keeps them from being relayed at all).
 * A lost message costs nothing lasting: a node reads the rows it has not seen when someone syncs with it.
 */

/** The part of the hub the other nodes act on. */
export interface PeerTarget {
	applyCommitted(itemId: string, field: RichTextField, ids: number[], updates: Uint8Array[]): void;
	applyAwareness(itemId: string, field: RichTextField, update: Uint8Array): void;
	markFrozen(itemId: string, frozen: boolean): void;
	holdHere(itemId: string): Promise<() => void>;
	/** Everyone's presence in a document open on this node (an awareness update), or null. */
	presence(itemId: string, field: RichTextField): Uint8Array | null;
}

/** How long a node waits for the others to hold an item's texts before it freezes anyway (the database still guards). */
const HOLD_ANSWER_MS = 3000;
/** How long a node opening a document waits for the others to say who is in it. */
const PRESENCE_ANSWER_MS = 1000;
/** A hold another node never released (it stopped mid-freeze) ends by itself. */
const HOLD_LIMIT_MS = 30_000;

const field = richTextFieldSchema;
const itemId = z.uuid();
const schemas = {
	committed: z.object({ itemId, field, ids: z.array(z.number().int()).max(1000), updates: z.array(z.string()).max(1000) }),
	awareness: z.object({ itemId, field, update: z.string() }),
	frozen: z.object({ itemId, frozen: z.boolean() }),
	hold: z.object({ itemId, holdId: z.uuid() }),
	release: z.object({ holdId: z.uuid() }),
	presence: z.object({ itemId, field }),
	presenceAnswer: z.string().nullable()
};

export class CollabPeers {
	private readonly holds = new Map<string, () => void>();

	constructor(
		private readonly link: NodeLink,
		target: PeerTarget
	) {
		this.listen(target);
	}

	committed(itemId: string, field: RichTextField, ids: number[], updates: Uint8Array[]): void {
		if (ids.length) this.link.tell('collab:committed', { itemId, field, ids, updates: updates.map(toWire) });
	}

	awareness(itemId: string, field: RichTextField, update: Uint8Array): void {
		this.link.tell('collab:awareness', { itemId, field, update: toWire(update) });
	}

	frozen(itemId: string, frozen: boolean): void {
		this.link.tell('collab:frozen', { itemId, frozen });
	}

	/** Holds the item's texts on every other node (their accepted changes stored); resolves with the release. */
	async holdElsewhere(itemId: string): Promise<() => void> {
		const holdId = randomUUID();
		await this.link.ask('collab:hold', { itemId, holdId }, HOLD_ANSWER_MS);
		return () => this.link.tell('collab:release', { holdId });
	}

	/** Who is in the document on the other nodes (awareness updates), for a node that opens it now. */
	async presenceElsewhere(itemId: string, field: RichTextField): Promise<Uint8Array[]> {
		const answers = await this.link.ask('collab:presence', { itemId, field }, PRESENCE_ANSWER_MS);
		return answers.flatMap((a) => {
			const parsed = schemas.presenceAnswer.safeParse(a);
			return parsed.success && parsed.data ? [fromWire(parsed.data)] : [];
		});
	}

	private listen(target: PeerTarget): void {
		this.link.on('collab:presence', (raw, reply) => {
			const m = schemas.presence.parse(raw);
			const update = target.presence(m.itemId, m.field);
			reply(update ? toWire(update) : null);
		});
		this.link.on('collab:committed', (raw) => {
			const m = schemas.committed.parse(raw);
			target.applyCommitted(m.itemId, m.field, m.ids, m.updates.map(fromWire));
		});
		this.link.on('collab:awareness', (raw) => {
			const m = schemas.awareness.parse(raw);
			target.applyAwareness(m.itemId, m.field, fromWire(m.update));
		});
		this.link.on('collab:frozen', (raw) => {
			const m = schemas.frozen.parse(raw);
			target.markFrozen(m.itemId, m.frozen);
		});
		this.link.on('collab:hold', (raw, reply) => {
			const m = schemas.hold.parse(raw);
			void target.holdHere(m.itemId).then((release) => {
				const timer = unref(setTimeout(() => this.release(m.holdId), HOLD_LIMIT_MS));
				this.holds.set(m.holdId, () => {
					clearTimeout(timer);
					release();
				});
				reply(true);
			});
		});
		this.link.on('collab:release', (raw) => this.release(schemas.release.parse(raw).holdId));
	}

	private release(holdId: string): void {
		this.holds.get(holdId)?.();
		this.holds.delete(holdId);
	}
}
