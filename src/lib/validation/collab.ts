import { z } from 'zod';
import { fromBase64 } from 'lib0/buffer';
import { isItemTextField, SCENARIO_FIELD, type RichTextField } from '../collab/fields';

export * from '../collab/fields';

export const richTextFieldSchema = z
	.string({ message: 'validation_collab_field' })
	.refine((f): f is RichTextField => isItemTextField(f) || SCENARIO_FIELD.test(f), 'validation_collab_field')
	.transform((f) => f as RichTextField);

/** The largest Yjs update the server accepts (bytes); larger ones are refused (`collab_error_too_large`). */
export const MAX_UPDATE_BYTES = 512 * 1024;
/** Room for the y-protocols header (message type and length) around an update. */
const SYNC_HEADER_BYTES = 16;
/** Presence and cursors of one client are small; anything near this is not an awareness message. */
export const MAX_AWARENESS_BYTES = 16 * 1024;

/** Why a co-editing message was refused: message keys (messages/collab), sent as the ack's `code`. */
export const collabErrors = [
	'collab_error_malformed',
	'collab_error_characters',
	'collab_error_too_large',
	'collab_error_forbidden',
	'collab_error_read_only',
	'collab_error_frozen',
	'collab_error_not_found',
	'collab_error_not_joined',
	'collab_error_server'
] as const;
export type CollabError = (typeof collabErrors)[number];

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Binary data: base64 text (what the portal's clients send: one WebSocket frame, see server/realtime/yjs-protocol.ts),
 * or raw bytes as socket.io hands them over (a Buffer on Node, a Uint8Array or ArrayBuffer from a browser).
 */
const bytes = (max: number, tooLarge: string) =>
	z
		.custom<Uint8Array | ArrayBuffer | string>((v) => v instanceof Uint8Array || v instanceof ArrayBuffer || typeof v === 'string', 'collab_error_malformed')
		// Checked before decoding, so an oversized text is never decoded.
		.refine((v) => typeof v !== 'string' || v.length <= Math.ceil(max / 3) * 4, tooLarge)
		.refine((v) => typeof v !== 'string' || BASE64.test(v), 'collab_error_malformed')
		.transform((v) => (typeof v === 'string' ? fromBase64(v) : v instanceof Uint8Array ? v : new Uint8Array(v)))
		.refine((v) => v.byteLength > 0, 'collab_error_malformed')
		.refine((v) => v.byteLength <= max, tooLarge);

/** Which document: one rich-text field of one agenda item. */
export const collabDocSchema = z.object({
	itemId: z.uuid('collab_error_malformed'),
	field: richTextFieldSchema
});

/** A y-protocols sync message (sync step 1, sync step 2 or update). */
export const collabSyncSchema = collabDocSchema.extend({
	message: bytes(MAX_UPDATE_BYTES + SYNC_HEADER_BYTES, 'collab_error_too_large')
});

/** A y-protocols awareness update (presence, cursor). */
export const collabAwarenessSchema = collabDocSchema.extend({
	update: bytes(MAX_AWARENESS_BYTES, 'collab_error_malformed')
});

/** A relative Yjs position as y-prosemirror puts it into the awareness state. */
const yId = z.object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() });
const relativePosition = z.object({
	type: yId.nullable().optional(),
	tname: z.string().max(64).nullable().optional(),
	item: yId.nullable().optional(),
	assoc: z.number().int().min(-1).max(0).optional()
});

/** The part of a client's awareness state the server passes on; `user` is always set by the server. */
export const awarenessStateSchema = z.object({
	cursor: z.object({ anchor: relativePosition, head: relativePosition }).nullable().optional()
});

/** Who is in a document, as the server tells it (never what a client claims about itself). */
export interface PresenceUser {
	userId: string;
	name: string;
	/** The municipality (or municipalities) the person works for; null for regional roles. */
	municipality: string | null;
	/** Caret colour; the name and municipality are always shown as text too. */
	color: string;
}
