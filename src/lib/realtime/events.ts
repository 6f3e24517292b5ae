import type { PresenceUser, RichTextField } from '../validation/collab';
import type { Stance, Visibility } from '../validation/comments';
import type { MeetingState } from '../meetings/live';
import type { InterviewChangedEvent, InterviewsChangedEvent } from '../interviews/events';

/**
 * The one map of socket events, shared by server and client. Every client→server event is
 * acknowledged with an `Ack`; every payload is parsed with zod on the server (see validation/realtime.ts).
 */
export type Ack<T = undefined> =
	{ ok: true; data?: T } | { ok: false; /** a message key, stable for programs */ code: string; /** in the user's language */ error: string };

/** Rooms a client may ask to join; each join is a permission check. */
export type RoomName =
	| `item:${string}`
	| `meeting:${string}`
	| `municipality:${string}`
	| 'agenda'
	/** Interviews: joined only through `interview:join` / `interviews:subscribe`, which check visibility. */
	| `interview:${string}`
	| 'interviews'
	| 'interviews:vertrouwelijk';

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

/** One comment as a reader sees it (a deleted comment is a tombstone: `body` empty, `deletedAt` set). */
export interface CommentView {
	id: string;
	itemId: string;
	/** The root of the thread; null for a root. */
	parentId: string | null;
	author: { id: string; name: string };
	body: string;
	/** The text as safe HTML: the Markdown subset rendered by the server (the browser carries no Markdown parser). */
	html: string;
	stance: Stance | null;
	visibility: Visibility;
	municipalityId: string | null;
	mentions: { kind: 'user' | 'municipality'; id: string; label: string }[];
	/** An anchored thread (roots only): Yjs relative positions (base64) and the quoted passage. */
	anchor: { field: RichTextField; start: string; end: string; quote: string } | null;
	resolvedAt: string | null;
	resolvedBy: string | null;
	editedAt: string | null;
	deletedAt: string | null;
	createdAt: string;
	/** The item's comment sequence number of this comment's latest change. */
	seq: number;
	/** How many earlier texts are kept (an edited comment shows *bewerkt*). */
	revisions: number;
}

/** A comment was created, edited, deleted or (its thread) resolved/reopened. */
export interface CommentChangedEvent {
	change: 'created' | 'edited' | 'deleted' | 'resolved' | 'reopened';
	comment: CommentView;
}

/**
 * A new comment was posted on an item (the unread counts of the agenda overview). No text: shared
 * comments go to room `agenda`; internal ones only to the `user:<id>` rooms of the members of the writer's
 * municipality, so nobody else learns they exist.
 */
export interface CommentActivityEvent {
	itemId: string;
	commentId: string;
	authorId: string;
}

/** An in-app notification for the person it is for (room `user:<id>`). */
export interface NotificationView {
	id: number;
	/** A comment mentions the person or replies in their thread; or an item asks a decision, follow-up or position of them, or voided theirs. */
	kind: 'mention' | 'reply' | 'decision_requested' | 'decision_voided' | 'council_requested' | 'position_requested';
	/** For decision notices: the municipality concerned, the version, the void reason and the reason the verkenner gave. */
	details: { municipalityId?: string; version?: number; reason?: string; note?: string };
	itemId: string | null;
	itemTitle: string;
	commentId: string | null;
	actorName: string;
	excerpt: string;
	createdAt: string;
	readAt: string | null;
}

/**
 * Decisions on an item changed: a position, a sign-off, voided sign-offs, a council decision or
 * implementation progress. Sent to `item:<id>` and `agenda` (the position matrix). `seq` is the item's
 * sequence number: a client that sees a gap reloads.
 */
export interface DecisionsChangedEvent {
	itemId: string;
	seq: number;
	/** `origin`: a candidate from an interview was added to the item (its timeline changed). */
	kind: 'position' | 'signoff' | 'void' | 'council' | 'progress' | 'origin';
	municipalityId: string | null;
	/** For `position`: the new position; for `signoff`: the decision. */
	value?: string;
	/** The item's status after the change (a sign-off or a void can change it). */
	status: string;
	by: EventActor;
}

export interface ServerToClientEvents {
	/**
	 * Events may have been lost between app nodes (a node died between a commit and passing its events on, or the
	 * database was briefly away): do what a reconnect does — join again and catch up — after a short random pause.
	 */
	'realtime:resync': (payload: { reason: 'node_lost' | 'messages_lost' }) => void;
	/** A comment on an item the client subscribed to changed (after commit; carries its `seq`). */
	'comment:changed': (payload: CommentChangedEvent) => void;
	/** Someone is typing a comment or a reply on the item. */
	'comment:typing': (payload: { itemId: string; parentId: string | null; user: { id: string; name: string } }) => void;
	/** A new comment on an item this user may read it on (for the overview's unread counts; no text). */
	'comments:activity': (payload: CommentActivityEvent) => void;
	/** A new notification for this user; `unread` is their new unread total. */
	'notification:new': (payload: { notification: NotificationView; unread: number }) => void;
	/** The server ends this connection on purpose (logout, account disabled). */
	'session:ended': (payload: { reason: 'logout' | 'disabled' | 'expired' }) => void;
	/** Something about the region changed (municipality data). */
	'region:changed': (payload: { municipalityId: string }) => void;
	/** An agenda item's structured fields, status or versions changed. */
	'item:changed': (payload: ItemChangedEvent) => void;
	/** What awaits people may have changed (a status, a position, a college or council decision): recount. No data. */
	'work:changed': (payload: { itemId: string }) => void;
	/**
	 * Something the start page's overview of the region shows changed (an item, a decision, progress, a session's
	 * plan, the register's moments): reload it. No data, since every connection hears it.
	 */
	'overview:changed': (payload: Record<string, never>) => void;
	/** An agenda item was created or changed, for the overview. */
	'agenda:item': (payload: AgendaItemEvent) => void;
	/** Positions, sign-offs, voids, council decisions or progress of an item changed. */
	'decisions:changed': (payload: DecisionsChangedEvent) => void;
	/** An interview the client joined changed (interviews/events.ts). */
	'interview:changed': (payload: InterviewChangedEvent) => void;
	/** The inventory overview changed. */
	'interviews:changed': (payload: InterviewsChangedEvent) => void;
	/** A y-protocols sync message (step 1, step 2 or update), base64, for a document the client joined. */
	'collab:sync': (payload: CollabDoc & { message: string }) => void;
	/** A y-protocols awareness update, base64 (presence and cursors; `user` is always set by the server). */
	'collab:awareness': (payload: CollabDoc & { update: string }) => void;
	/** Klankbordgroep session (room `meeting:<id>`): the whole live state after every change; keep the highest `seq`. */
	'meeting:state': (payload: MeetingState) => void;
}

export interface ClientToServerEvents {
	/** Receive the item's comments live (needs item.read); answers the current comment sequence number. */
	'comments:subscribe': (payload: { itemId: string }, ack: (res: Ack<{ seq: number }>) => void) => void;
	'comments:unsubscribe': (payload: { itemId: string }, ack: (res: Ack) => void) => void;
	/** Everything visible that changed after sequence number `after` (catch-up after a reconnect). */
	'comments:since': (payload: { itemId: string; after: number }, ack: (res: Ack<{ seq: number; comments: CommentView[] }>) => void) => void;
	/** Posts a comment (validation/comments.ts postCommentSchema); acked after commit. Resending the same id is safe. */
	'comment:post': (payload: unknown, ack: (res: Ack<CommentView>) => void) => void;
	'comment:edit': (payload: { id: string; body: string; stance?: Stance | null }, ack: (res: Ack<CommentView>) => void) => void;
	'comment:delete': (payload: { id: string }, ack: (res: Ack<CommentView>) => void) => void;
	'comment:resolve': (payload: { id: string; resolved: boolean }, ack: (res: Ack<CommentView>) => void) => void;
	'comment:typing': (payload: { itemId: string; parentId: string | null }, ack?: (res: Ack) => void) => void;
	'room:join': (payload: { room: RoomName }, ack: (res: Ack) => void) => void;
	/** Joins `interview:<id>` when the interview is visible to the user; answers its `seq` and `notesRevision`. */
	'interview:join': (payload: { interviewId: string }, ack: (res: Ack<{ seq: number; notesRevision: number }>) => void) => void;
	'interview:leave': (payload: { interviewId: string }, ack: (res: Ack) => void) => void;
	/** Joins the overview rooms the user may read (`interviews`, and `interviews:vertrouwelijk` for confidential readers). */
	'interviews:subscribe': (payload: Record<string, never>, ack: (res: Ack) => void) => void;
	'room:leave': (payload: { room: RoomName }, ack: (res: Ack) => void) => void;
	/** Opens a document (needs item.read); the server then sends its sync step 1 and everyone's presence. */
	'collab:join': (payload: CollabDoc, ack: (res: Ack<CollabJoined>) => void) => void;
	'collab:leave': (payload: CollabDoc, ack: (res: Ack) => void) => void;
	/**
	 * A y-protocols sync message, base64 text (raw bytes are accepted too); step 2 and updates carry changes and
	 * need item.edit. Acked after commit.
	 */
	'collab:sync': (payload: CollabDoc & { message: string | Uint8Array }, ack: (res: Ack) => void) => void;
	'collab:awareness': (payload: CollabDoc & { update: string | Uint8Array }, ack?: (res: Ack) => void) => void;
	/** Joins a session's room (needs meeting.read) and answers its whole current state (also after a reconnect). */
	'meeting:join': (payload: { meetingId: string }, ack: (res: Ack<MeetingState>) => void) => void;
	'meeting:leave': (payload: { meetingId: string }, ack: (res: Ack) => void) => void;
	/** The chair only: `{ meetingId, action: start|goto|next|previous|pause|resume|close, entryId? }`. Acked with the new state. */
	'meeting:drive': (payload: { meetingId: string; action: string; entryId?: string }, ack: (res: Ack<MeetingState>) => void) => void;
	/** Attendance (validation/meetings.ts checkInSchema); acked with the new state. */
	'meeting:checkin': (payload: unknown, ack: (res: Ack<MeetingState>) => void) => void;
	/** A temperature check on the current item (temperatureSchema); acked with the new state. */
	'meeting:temperature': (payload: unknown, ack: (res: Ack<MeetingState>) => void) => void;
	/** The chair writes a minute (minuteSchema; the id comes from the client) or deletes one (minuteRefSchema). */
	'meeting:minute': (payload: unknown, ack: (res: Ack<MeetingState>) => void) => void;
	'meeting:minute-delete': (payload: unknown, ack: (res: Ack<MeetingState>) => void) => void;
}

export interface SocketData {
	userId: string;
	userName: string;
	authSessionId: string;
	locale: string;
}
