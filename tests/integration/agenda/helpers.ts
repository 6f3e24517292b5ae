import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../src/lib/server/db';
import { auditEvents } from '../../../src/lib/server/db/schema';
import { createItem } from '../../../src/lib/server/modules/agenda-items';
import type { Actor } from '../../../src/lib/server/permissions';
import { subscribeRealtime } from '../../../src/lib/server/realtime/subscribers';
import type { Io } from '../../../src/lib/server/realtime/socket-types';
import { testOrigin } from '../../fixtures/factories';

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

/** Replaces the socket.io server with a recorder of what `publish()` and the bus's realtime subscribers send. */
export function recordPublished(): { events: Published[]; stop(): void } {
	const key = Symbol.for('regioportaal.io');
	const holder = globalThis as Record<symbol, unknown>;
	const previous = holder[key];
	const events: Published[] = [];
	holder[key] = {
		to: (room: string) => ({ emit: (event: string, payload: unknown) => events.push({ room, event, payload }) })
	};
	subscribeRealtime(holder[key] as Io);
	return { events, stop: () => void (holder[key] = previous) };
}
