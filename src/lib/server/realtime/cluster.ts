import pg from 'pg';
import { createAdapter } from '@socket.io/postgres-adapter';
import { Adapter, MessageType, type BroadcastOptions } from 'socket.io-adapter';
import type { Io } from './socket-types';

/**
 * Several app nodes on one PostgreSQL: socket.io's own PostgreSQL adapter carries every room broadcast,
 * `disconnectSockets`, `fetchSockets` and server-side message to the other nodes (LISTEN/NOTIFY, larger
 * messages through `socket_io_attachments`). The embedded database is for one node, so it needs none.
 */

const clustered = new WeakSet<object>();

/** Logs a connection failure of the adapter once per kind, not once per retry: the database may be restarting. */
function quietLogger(): (err: unknown) => void {
	let last = '';
	return (err) => {
		const text = err instanceof Error ? err.message : String(err);
		if (text === last) return;
		last = text;
		console.error(`realtime: node link: ${text}`);
	};
}

/** When events may have been lost between nodes (see `inOrder`). */
export interface ClusterHooks {
	/** Another node stopped answering without closing (killed, cut off): what it committed last may not have been passed on. */
	nodeLost(): void;
	/** This node's messages flow again after some were dropped (the database was away). */
	recovered(): void;
}

/** Installs the adapter on `io` (before it serves anyone); returns the way to close its connections. */
export function joinCluster(io: Io, url: string, hooks: ClusterHooks): () => Promise<void> {
	const log = quietLogger();
	// Idle connections do not keep a stopping process alive; two are enough (one listens, one notifies).
	const pool = new pg.Pool({ connectionString: url, max: 3, allowExitOnIdle: true, connectionTimeoutMillis: 2000, query_timeout: 5000 });
	// A restarting database ends every connection; the adapter reconnects by itself, and an 'error' event
	// nobody listens to would end the process.
	pool.on('error', log);
	pool.on('connect', (client) => client.on('error', log));
	const outage: Outage = { until: 0, failures: 0, dropped: false };
	// The adapter reports a failed publish here (it does not reject): the next ones are skipped for a moment.
	const errorHandler = (err: unknown) => {
		outage.until = Date.now() + PAUSE_AFTER_FAILURE_MS;
		outage.failures++;
		outage.dropped = true;
		log(err);
	};
	const make = createAdapter(pool, { errorHandler, heartbeatInterval: 5000, heartbeatTimeout: HEARTBEAT_TIMEOUT_MS });
	// socket.io calls the factory with `new`: a plain function, not an arrow.
	io.adapter(function ordered(nsp: unknown) {
		return inOrder(make(nsp as never) as unknown as ClusterInternals, outage, hooks);
	} as never);
	clustered.add(io);
	return () => pool.end().catch(log);
}

/** The parts of socket.io's cluster adapter this file changes (not in its public types). */
interface ClusterInternals {
	broadcast(packet: unknown, opts: BroadcastOptions): void;
	removeNode(uid: string): void;
	nodesMap: Map<string, number>;
	doPublish(message: unknown): Promise<unknown>;
	publishAndReturnOffset(message: { type: MessageType; data: unknown }): Promise<unknown>;
}

/** After a failed publish, further ones are skipped this long instead of each waiting for a connection. */
const PAUSE_AFTER_FAILURE_MS = 1000;
/** The adapter counts a node as gone when it has not heard from it this long (its heartbeat is every 5 s). */
const HEARTBEAT_TIMEOUT_MS = 10_000;

interface Outage {
	until: number;
	failures: number;
	/** Messages were dropped and nobody was told yet. */
	dropped: boolean;
}

/**
 * Two changes to the cluster adapter's way of sending. As shipped, a broadcast reaches this node's own sockets only
 * after its NOTIFY round trip, and two broadcasts travel on whichever pool connections are free, so they can
 * arrive out of order (a `session:ended` after the disconnect it announces; a relay behind the next one). Here a
 * broadcast reaches this node's sockets at once, and the node's messages go out one after another, in the order
 * they were made. While the database is away they are dropped quickly: what must not be lost has its own
 * catch-up (comments, co-editing) and every client reconnects and reloads its state.
 */
function inOrder(adapter: ClusterInternals, outage: Outage, hooks: ClusterHooks): ClusterInternals {
	const publish = adapter.doPublish.bind(adapter);
	let chain: Promise<unknown> = Promise.resolve();
	adapter.doPublish = (message) => {
		const sent = chain.then(async () => {
			if (Date.now() < outage.until) {
				outage.dropped = true;
				throw new Error('database unreachable: message to the other nodes dropped');
			}
			const failuresBefore = outage.failures;
			const result = await publish(message);
			// The first message that went through after some were dropped: every page catches up.
			if (outage.dropped && outage.failures === failuresBefore) {
				outage.dropped = false;
				hooks.recovered();
			}
			return result;
		});
		chain = sent.catch(() => {});
		return sent;
	};
	// A node silent past the heartbeat timeout died or was cut off; one that closed said so (ADAPTER_CLOSE) after
	// sending everything it had, in order.
	const removeNode = adapter.removeNode.bind(adapter);
	adapter.removeNode = (uid) => {
		const lastSeen = adapter.nodesMap.get(uid);
		removeNode(uid);
		if (lastSeen !== undefined && Date.now() - lastSeen > HEARTBEAT_TIMEOUT_MS) hooks.nodeLost();
	};
	adapter.broadcast = (packet, opts) => {
		Adapter.prototype.broadcast.call(adapter as unknown as Adapter, packet as never, opts);
		if (opts.flags?.local) return;
		const data = { packet, opts: { rooms: [...opts.rooms], except: [...(opts.except ?? [])], flags: opts.flags } };
		adapter.publishAndReturnOffset({ type: MessageType.BROADCAST, data }).catch(() => {});
	};
	return adapter;
}

/** Messages between the nodes themselves (not to browsers). On a single node they go nowhere. */
export interface NodeLink {
	/** Whether there may be other nodes at all (the PostgreSQL adapter is installed). */
	readonly enabled: boolean;
	/** Tells every other node; nothing waits for them. */
	tell(event: string, payload: unknown): void;
	/** Asks every other node and resolves with their answers, or with what arrived when `timeoutMs` is over. */
	ask(event: string, payload: unknown, timeoutMs: number): Promise<unknown[]>;
	/** Handles what another node tells or asks (`reply` answers an ask). */
	on(event: string, handler: (payload: unknown, reply: (answer: unknown) => void) => void): void;
}

type Untyped = {
	serverSideEmit(event: string, ...args: unknown[]): boolean;
	on(event: string, listener: (...args: unknown[]) => void): void;
};

export function nodeLink(io: Io | null): NodeLink {
	const server = io as unknown as Untyped | null;
	const enabled = !!io && clustered.has(io);
	return {
		enabled,
		tell: (event, payload) => {
			if (enabled) server?.serverSideEmit(event, payload);
		},
		ask: (event, payload, timeoutMs) =>
			new Promise((resolve) => {
				if (!enabled || !server) return resolve([]);
				// A node that does not answer in time (stopped, or too busy) is not waited for: the adapter's own
				// limit is 5 s, this one may be shorter.
				const timer = setTimeout(() => resolve([]), timeoutMs);
				server.serverSideEmit(event, payload, (_err: unknown, answers: unknown[] | undefined) => {
					clearTimeout(timer);
					resolve(answers ?? []);
				});
			}),
		on: (event, handler) => {
			server?.on(event, (payload: unknown, reply?: unknown) => {
				try {
					handler(payload, typeof reply === 'function' ? (reply as (a: unknown) => void) : () => {});
				} catch (err) {
					console.error(`realtime: node message ${event} not handled`, err);
				}
			});
		}
	};
}
