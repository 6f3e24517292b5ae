import type { Db, Tx } from './db';
import type { DomainEvent, DomainEventName, DomainEvents } from './events/map';

export * from './events/map';

type Handler<K extends DomainEventName> = (data: DomainEvents[K], name: K) => void | Promise<void>;
type AnyHandler = (data: unknown, name: DomainEventName) => void | Promise<void>;

const subscribers = new Map<DomainEventName | '*', Map<string, AnyHandler>>();

/** A handler that runs inside the committing transaction; it may write, and returns the events its writes cause. */
type TxHandler<K extends DomainEventName> = (tx: Tx, data: DomainEvents[K]) => Promise<DomainEvent[] | void>;
type AnyTxHandler = (tx: Tx, data: unknown) => Promise<DomainEvent[] | void>;
const inTransactionSubscribers = new Map<DomainEventName, Map<string, AnyTxHandler>>();

/**
 * Subscribes a handler that runs inside the transaction of the command that caused the event, just before it
 * commits: what it writes (a notification, a mail in the outbox) commits or rolls back with the command, so it
 * is never lost nor sent about something that did not happen. Its events are published after the commit.
 * One handler per name, as for `subscribe`; returns the way to unsubscribe.
 */
export function subscribeInTransaction<K extends DomainEventName>(name: K, as: string, handler: TxHandler<K>): () => void {
	const forName = inTransactionSubscribers.get(name) ?? new Map<string, AnyTxHandler>();
	inTransactionSubscribers.set(name, forName);
	forName.set(as, handler as AnyTxHandler);
	return () => {
		if (forName.get(as) === handler) forName.delete(as);
	};
}

/**
 * Subscribes a handler to one event (or `*` for all) under a name: subscribing again under the same name
 * replaces the handler, so a module that is set up twice (development reloads, tests) is not called twice.
 * Returns the way to unsubscribe.
 */
export function subscribe<K extends DomainEventName>(name: K | '*', as: string, handler: Handler<K>): () => void {
	const forName = subscribers.get(name) ?? new Map<string, AnyHandler>();
	subscribers.set(name, forName);
	forName.set(as, handler as AnyHandler);
	return () => {
		if (forName.get(as) === handler) forName.delete(as);
	};
}

/**
 * Hands committed events to their subscribers, in order, and waits for them: when a command returns, every
 * subscriber has seen its events. A failing subscriber is logged and the others still run: the change itself
 * is committed and must not be reported as failed.
 */
export async function publish(events: readonly DomainEvent[]): Promise<void> {
	for (const e of events) {
		const handlers = [...(subscribers.get(e.name)?.values() ?? []), ...(subscribers.get('*')?.values() ?? [])];
		for (const handler of handlers) {
			try {
				await handler(e.data, e.name);
			} catch (err) {
				console.error(`bus: a subscriber of ${e.name} failed`, err);
			}
		}
	}
}

/** Where a command's work puts the events it causes; they are published only after the commit. */
export interface EventSink {
	add(...events: DomainEvent[]): void;
}

/**
 * The one way a write reaches the database: `work` runs in one transaction and adds its events to the sink;
 * after the commit they are published. A rolled-back transaction publishes nothing.
 */
export async function inTransaction<T>(db: Db, work: (tx: Tx, events: EventSink) => Promise<T>): Promise<T> {
	const pending: DomainEvent[] = [];
	const sink: EventSink = { add: (...events) => void pending.push(...events) };
	const result = await db.transaction(async (tx) => {
		const value = await work(tx, sink);
		// Events caused by the handlers' own writes are handled too (the list grows while it is walked).
		for (let i = 0; i < pending.length; i++) {
			for (const handler of inTransactionSubscribers.get(pending[i].name)?.values() ?? []) {
				const caused = await handler(tx, pending[i].data);
				if (caused) pending.push(...caused);
			}
		}
		return value;
	});
	await publish(pending);
	return result;
}
