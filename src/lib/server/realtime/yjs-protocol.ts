import * as Y from 'yjs';
import { forbiddenTextPaths, hasForbiddenCharacters } from '../../validation/text';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

/**
 * The y-protocols sync messages as they travel in a `collab:sync` event: a varuint message type
 * (0 = sync step 1, 1 = sync step 2, 2 = update) followed by one varuint-length byte array
 * (a state vector for step 1, an update otherwise). Decoded here by hand so the server can check and
 * authorise an update before anything applies it.
 */
export type SyncMessage =
	{ type: 'step1'; stateVector: Uint8Array } | { type: 'step2' | 'update'; update: Uint8Array; /** inserts and deletes nothing */ empty: boolean };

export class MalformedMessage extends Error {
	constructor(reason: string) {
		super(`ongeldig bericht: ${reason}`);
	}
}

const types = {
	[syncProtocol.messageYjsSyncStep1]: 'step1',
	[syncProtocol.messageYjsSyncStep2]: 'step2',
	[syncProtocol.messageYjsUpdate]: 'update'
} as const;

/** Reads one sync message and checks its payload parses as what it claims to be; throws MalformedMessage. */
export function decodeSyncMessage(bytes: Uint8Array): SyncMessage {
	let type: (typeof types)[keyof typeof types] | undefined;
	let payload: Uint8Array;
	try {
		const decoder = decoding.createDecoder(bytes);
		type = types[decoding.readVarUint(decoder) as keyof typeof types];
		payload = decoding.readVarUint8Array(decoder);
		if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
	} catch (err) {
		throw new MalformedMessage(err instanceof Error ? err.message : 'framing');
	}
	if (!type) throw new MalformedMessage('unknown type');
	if (type === 'step1') {
		try {
			Y.decodeStateVector(payload);
		} catch {
			throw new MalformedMessage('state vector');
		}
		return { type, stateVector: payload };
	}
	const { structs, ds } = checkUpdate(payload);
	if (structs.some(holdsForbiddenText)) throw new ForbiddenText();
	return { type, update: payload, empty: structs.length === 0 && ds.clients.size === 0 };
}

/** An update inserting text that no field of the portal accepts (a NUL character, half a character…). */
export class ForbiddenText extends Error {}

/**
 * Whether one struct of an update inserts a forbidden character: in text, in a mark or attribute (name or value),
 * an element name or an embedded value. The same rule as every form, API and socket field: the HTML snapshot
 * of the document goes to text columns, which cannot hold them.
 */
function holdsForbiddenText(struct: unknown): boolean {
	const item = struct as { content?: Record<string, unknown>; parentSub?: string | null };
	if (item.parentSub && hasForbiddenCharacters(item.parentSub)) return true;
	const c = item.content;
	if (!c) return false;
	const values = [c.str, c.key, c.value, c.arr, c.embed, (c.type as { nodeName?: unknown } | undefined)?.nodeName];
	return values.some((v) => v !== undefined && (typeof v === 'string' ? hasForbiddenCharacters(v) : forbiddenTextPaths(v).length > 0));
}

/** Parses an update completely (structs, contents, delete set); throws MalformedMessage when it does not. */
export function checkUpdate(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> {
	try {
		return Y.decodeUpdate(update);
	} catch {
		throw new MalformedMessage('update');
	}
}

/** True when the document already has everything an update inserts and deletes (a client's sync step 2 often does). */
export function isKnownTo(doc: Y.Doc, update: Uint8Array): boolean {
	return Y.snapshotContainsUpdate(Y.snapshot(doc), update);
}

/**
 * Messages travel as base64 text: socket.io sends a binary payload as two WebSocket frames (the packet and
 * its attachment) that both ends must reassemble, text as one. For keystroke-sized updates one frame is
 * measurably faster (bench/coedit), and the extra third in size does not matter.
 */
export function toWire(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export function fromWire(text: string): Uint8Array {
	return new Uint8Array(Buffer.from(text, 'base64'));
}

export function encodeStep1(doc: Y.Doc): string {
	const encoder = encoding.createEncoder();
	syncProtocol.writeSyncStep1(encoder, doc);
	return toWire(encoding.toUint8Array(encoder));
}

export function encodeStep2(doc: Y.Doc, stateVector: Uint8Array): string {
	const encoder = encoding.createEncoder();
	syncProtocol.writeSyncStep2(encoder, doc, stateVector);
	return toWire(encoding.toUint8Array(encoder));
}

export function encodeUpdate(update: Uint8Array): string {
	const encoder = encoding.createEncoder();
	syncProtocol.writeUpdate(encoder, update);
	return toWire(encoding.toUint8Array(encoder));
}

/** One entry of an awareness update: y-protocols' wire format, `state` already JSON-parsed (null = gone). */
export interface AwarenessEntry {
	clientId: number;
	clock: number;
	state: Record<string, unknown> | null;
}

/** Decodes an awareness update (varuint count, then clientID, clock and JSON state per entry). */
export function decodeAwareness(bytes: Uint8Array, maxEntries = 8): AwarenessEntry[] {
	try {
		const decoder = decoding.createDecoder(bytes);
		const count = decoding.readVarUint(decoder);
		if (count > maxEntries) throw new Error('too many entries');
		const entries: AwarenessEntry[] = [];
		for (let i = 0; i < count; i++) {
			const clientId = decoding.readVarUint(decoder);
			const clock = decoding.readVarUint(decoder);
			const state: unknown = JSON.parse(decoding.readVarString(decoder));
			if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw new Error('state');
			if (clientId > 0xffffffff) throw new Error('client id');
			entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
		}
		if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
		return entries;
	} catch (err) {
		throw new MalformedMessage(err instanceof Error ? err.message : 'awareness');
	}
}

export function encodeAwareness(entries: AwarenessEntry[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const e of entries) {
		encoding.writeVarUint(encoder, e.clientId);
		encoding.writeVarUint(encoder, e.clock);
		encoding.writeVarString(encoder, JSON.stringify(e.state));
	}
	return encoding.toUint8Array(encoder);
}
