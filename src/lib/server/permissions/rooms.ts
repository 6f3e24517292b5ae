import type { RoomName } from '../../realtime/events';
import { can, type Actor } from './policy';

/** Joining a room is reading what is published there. Item-level visibility joins this rule with the items module. */
export function canJoinRoom(actor: Actor | null, room: RoomName): boolean {
	if (room === 'agenda') return can(actor, 'item.read');
	const [kind] = room.split(':');
	if (kind === 'municipality') return can(actor, 'region.read');
	if (kind === 'item' || kind === 'meeting') return can(actor, 'item.read');
	return false;
}
