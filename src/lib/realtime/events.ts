import type { PresenceUser, RichTextField } from '../validation/collab';

/**
 * The one map of socket events, shared by server and client. Every client→server event is
 * acknowledged with an `Ack`; every payload is parsed with zod on the server (see validation/realtime.ts).
 */
export type Ack<T = undefined> =
	| { ok: true; data?: T }
	| { ok: false; /** a message key, stable for programs */ code: string; /** in the user's language */ error: string };

/** Rooms a client may ask to join; each join is a permission check. */
export type RoomName = `item:${string}` | `meeting:${string}` | `municipality:${string}` | 'agenda';

/** Who did something, as shown to others. Null for the system (an automatic version). */
export type EventActor = { userId: string; name: string } | null;

/**
 * Something about an agenda item changed (room `item:<id>`). `seq` is the item's sequence number from
 * the database: a client that sees a gap (or reconnects) reloads the item.
 */
export interface ItemChangedEvent {
	itemId: string;
	seq: number;
	revision: number;
	status: string;
	kind: 'created' | 'fields' | 'status' | 'version' | 'restored';
	by: EventActor;
	/** For `fields`: the names of the structured fields that changed. */
	fields?: string[];
	/** For `version` and `restored`: the number of the new version. */
	version?: number;
}

/** A short summary for the agenda overview (room `agenda`). */
export interface AgendaItemEvent {
	itemId: string;
	ambitionId: number;
	title: string;
	status: string;
	kind: ItemChangedEvent['kind'];
	by: EventActor;
}

/** Co-editing: one Yjs document per rich-text field of an item (server/realtime/yjs-*.ts, validation/collab.ts). */
export interface CollabDoc {
	itemId: string;
	field: RichTextField;
}
/** What joining a document tells the client: may it write, and how others see it. */
export interface CollabJoined {
	canEdit: boolean;
	user: PresenceUser;
}

export interface ServerToClientEvents {
	/** The server ends this connection on purpose (logout, account disabled). */
	'session:ended': (payload: { reason: 'logout' | 'disabled' | 'expired' }) => void;
	/** Something about the region changed (municipality data). */
	'region:changed': (payload: { municipalityId: string }) => void;
	/** An agenda item's structured fields, status or versions changed. */
	'item:changed': (payload: ItemChangedEvent) => void;
	/** An agenda item was created or changed, for the overview. */
	'agenda:item': (payload: AgendaItemEvent) => void;
	/** A y-protocols sync message (step 1, step 2 or update) for a document the client joined. */
	'collab:sync': (payload: CollabDoc & { message: Uint8Array }) => void;
	/** A y-protocols awareness update (presence and cursors; `user` is always set by the server). */
	'collab:awareness': (payload: CollabDoc & { update: Uint8Array }) => void;
}

export interface ClientToServerEvents {
	'room:join': (payload: { room: RoomName }, ack: (res: Ack) => void) => void;
	'room:leave': (payload: { room: RoomName }, ack: (res: Ack) => void) => void;
	/** Opens a document (needs item.read); the server then sends its sync step 1 and everyone's presence. */
	'collab:join': (payload: CollabDoc, ack: (res: Ack<CollabJoined>) => void) => void;
	'collab:leave': (payload: CollabDoc, ack: (res: Ack) => void) => void;
	/** A y-protocols sync message; step 2 and updates carry changes and need item.edit. Acked after commit. */
	'collab:sync': (payload: CollabDoc & { message: Uint8Array }, ack: (res: Ack) => void) => void;
	'collab:awareness': (payload: CollabDoc & { update: Uint8Array }, ack?: (res: Ack) => void) => void;
}

export interface SocketData {
	userId: string;
	userName: string;
	authSessionId: string;
	locale: string;
}
