import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../src/lib/server/db';
import { auditEvents } from '../../../src/lib/server/db/schema';
import { createItem } from '../../../src/lib/server/modules/agenda-items';
import type { Actor } from '../../../src/lib/server/permissions';
import { testOrigin } from '../../fixtures/factories';
import { subscribeRealtime } from '../../../src/lib/server/realtime/subscribers';
import type { Io } from '../../../src/lib/server/realtime/socket-types';

/** A concept item under ambition 1 (or as given), created by `actor`. */
export async function newItem(db: Db, actor: Actor, input: Record<string, unknown> = {}): Promise<string> {
	const { id } = await createItem(
		db,
		actor,
		{ ambitionId: 1, title: 'Regionale woningbouwversnelling', horizon: 'voor_verkiezingen', trekkerId: 'leiden', ...input },
		testOrigin
	);
	return id;
}

export async function auditOf(db: Db, itemId: string) {
	return db
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.objectType, 'agenda_item'), eq(auditEvents.objectId, itemId)))
		.orderBy(auditEvents.id);
}

/** Catches what a promise rejects with (fails the test when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<any> {
	try {
		await p;
	} catch (err) {
		return err;
	}
	throw new Error('expected the call to be refused');
}

export interface Published {
	room: string;
	event: string;
	payload: any;
}

/** Subscribes the real socket-room mapping to the bus with a recorder in place of the socket.io server. */
export function recordPublished(db = {} as Db): { events: Published[]; stop(): void } {
	const events: Published[] = [];
	const io = {
		to: (room: string) => {
			const target = { emit: (event: string, payload: unknown) => events.push({ room, event, payload }), except: () => target };
			return target;
		},
		in: () => ({ fetchSockets: async () => [] })
	};
	return { events, stop: subscribeRealtime(io as unknown as Io, db) };
}
