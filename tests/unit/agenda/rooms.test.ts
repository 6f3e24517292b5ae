import { describe, expect, it } from 'vitest';
import { canJoinRoom, type Actor } from '../../../src/lib/server/permissions';
import { roomSchema } from '../../../src/lib/validation/realtime';

const meelezer: Actor = { userId: 'u', name: 'M', grants: [{ role: 'meelezer', municipalityId: 'leiden' }] };
const noRole: Actor = { userId: 'u', name: 'N', grants: [] };

describe('the agenda room', () => {
	it('is a valid room name, next to item rooms', () => {
		expect(roomSchema.safeParse({ room: 'agenda' }).success).toBe(true);
		expect(roomSchema.safeParse({ room: 'item:0b6f6d7e-1a2b-4c3d-8e9f-001122334455' }).success).toBe(true);
		expect(roomSchema.safeParse({ room: 'agenda:x' }).success).toBe(false);
		expect(roomSchema.safeParse({ room: 'agendas' }).success).toBe(false);
	});

	it('may be joined by whoever may read items, not by others', () => {
		expect(canJoinRoom(meelezer, 'agenda')).toBe(true);
		expect(canJoinRoom(noRole, 'agenda')).toBe(false);
		expect(canJoinRoom(null, 'agenda')).toBe(false);
	});
});
