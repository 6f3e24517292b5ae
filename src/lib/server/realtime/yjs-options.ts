import type * as Y from 'yjs';
import type { Db } from '../db';
import type { RichTextField } from '../../validation/collab';
import type { Io } from './socket-types';
import type { CollabPeers } from './yjs-peers';

/** Timing and batching of the live documents; the hub's copy may be changed at run time (tests do). */
export interface CollabOptions {
	/** Quiet time after the last change before the HTML/text snapshot is written (and a version may be taken). */
	snapshotDebounceMs: number;
	/** During continuous typing, the snapshot is still refreshed this often. */
	snapshotMaxWaitMs: number;
	/**
	 * Quiet time after which an automatic version may be captured (agenda-items decides whether one is due).
	 * Longer than the snapshot pause, or every breath between two sentences would become a version.
	 */
	versionPauseMs: number;
	/** How long an empty document stays in memory (a reload comes straight back). */
	unloadDelayMs: number;
	/** More stored rows than this for one document → replace them by one row with the document's state. */
	compactAfterRows: number;
	/** A user's editing burst (one audit row) ends after this long without a change from them. */
	burstIdleMs: number;
	/** Most updates written in one transaction. */
	batchMax: number;
	/**
	 * How long changes gather before they are written together. Others already have them (relayed on
	 * arrival); only the sender's acknowledgement waits. Fewer, larger transactions keep the database's CPU
	 * out of the way of the relaying.
	 */
	batchWindowMs: number;
}

export const defaultCollabOptions: CollabOptions = {
	snapshotDebounceMs: 2000,
	snapshotMaxWaitMs: 15_000,
	versionPauseMs: 30_000,
	unloadDelayMs: 5000,
	compactAfterRows: 500,
	burstIdleMs: 60_000,
	batchMax: 200,
	batchWindowMs: 100
};

export const docRoom = (itemId: string, field: RichTextField) => `item:${itemId}:${field}` as const;
export type DocRoom = ReturnType<typeof docRoom>;

/**
 * What the parts of one live document (write queue, snapshots, compaction, sessions) share. `options` is the
 * hub's own object, read on use: a change to it applies to the documents already open.
 */
export interface DocumentScope {
	readonly db: Db;
	readonly io: Io | null;
	/** The other app nodes (nothing on a single node). */
	readonly peers: CollabPeers;
	readonly options: CollabOptions;
	/** Batches written at once per document. */
	readonly writers: number;
	readonly itemId: string;
	readonly field: RichTextField;
	readonly room: DocRoom;
	readonly doc: Y.Doc;
}

/** Timers of documents never keep a process alive on their own (the HTTP server does). */
export const unref = <T extends ReturnType<typeof setTimeout>>(timer: T): T => (timer.unref?.(), timer);
