import type { Db } from '../db';
import { canJoinRoom, type Actor } from '../permissions';
import type { RoomName } from '../../realtime/events';
import * as comments from '../modules/comments';
import * as interviews from '../modules/interviews';

/**
 * The socket rooms, each derived from the rule of the module that owns what is published there: only this
 * file names rooms. Modules announce domain events; `subscribers.ts` sends them to these rooms.
 */

/** Shared comments go to `comments:<item>`, internal ones to `comments:<item>:<municipality>`. */
export function commentRoomFor(c: { itemId: string; visibility: string; municipalityId: string | null }): string {
	return c.visibility === 'internal' ? `comments:${c.itemId}:${c.municipalityId}` : `comments:${c.itemId}`;
}

/** The comment rooms of an item an actor listens to: the shared one and one per own municipality. */
export function commentRoomsFor(itemId: string, actor: Pick<Actor, 'grants'>): string[] {
	return [`comments:${itemId}`, ...comments.ownMunicipalities(actor).map((m) => `comments:${itemId}:${m}`)];
}

/** Every connection of a member of a municipality is in `members:<municipality>` (news of internal comments). */
export function memberRoomsFor(actor: Pick<Actor, 'grants'>): string[] {
	return comments.ownMunicipalities(actor).map((m) => `members:${m}`);
}

export const interviewRoom = (id: string) => `interview:${id}` as const;

/** Confidential interviews are announced only where only their readers listen. */
export const interviewOverviewRoom = (visibility: string): 'interviews' | 'interviews:vertrouwelijk' =>
	visibility === 'vertrouwelijk' ? 'interviews:vertrouwelijk' : 'interviews';

export function interviewOverviewRoomsFor(actor: Actor | null): ('interviews' | 'interviews:vertrouwelijk')[] {
	return interviews.visibleVisibilities(actor).map(interviewOverviewRoom);
}

/** Rooms every connection has for itself: its person, its login, the region and its own id. */
function isPersonal(room: string, socket: { id: string; data: { userId: string; authSessionId: string } }): boolean {
	return room === socket.id || room === 'region' || room === `user:${socket.data.userId}` || room === `auth-session:${socket.data.authSessionId}`;
}

/**
 * May a connection of this actor stay in this room? The same rules as joining it. Used when a person's
 * rights change: every room they may no longer be in is left at once.
 */
export async function mayStayIn(db: Db, actor: Actor, room: string, socket: { id: string; data: { userId: string; authSessionId: string } }): Promise<boolean> {
	if (isPersonal(room, socket)) return true;
	const [kind, id, municipality] = room.split(':');
	if (kind === 'members') return comments.ownMunicipalities(actor).includes(id);
	if (kind === 'comments') return municipality ? comments.ownMunicipalities(actor).includes(municipality) : canJoinRoom(actor, `item:${id}`);
	if (kind === 'interview') return !!(await interviews.visibleInterview(db, actor, id));
	return canJoinRoom(actor, room as RoomName);
}
