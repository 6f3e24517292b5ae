import type { RoomName } from '../../realtime/events';
import { can, type Actor } from './policy';

/** Joining a room is reading what is published there. Item-level visibility joins this rule with the items module. */
export function canJoinRoom(actor: Actor | null, room: RoomName): boolean {
	if (room === 'agenda') return can(actor, 'item.read');
	// Interviews: the overview rooms by role; a single interview's room is never joined by name here,
	// only through `interview:join` (realtime/interview-handlers.ts), which checks that interview's visibility.
	if (room === 'interviews') return can(actor, 'interview.read');
	if (room === 'interviews:vertrouwelijk') return can(actor, 'interview.read_confidential');
	if (room.startsWith('interview:')) return false;
	const [kind] = room.split(':');
	if (kind === 'municipality') return can(actor, 'region.read');
	if (kind === 'item') return can(actor, 'item.read');
	if (kind === 'meeting') return can(actor, 'meeting.read');
	return false;
}
