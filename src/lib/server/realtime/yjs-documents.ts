/**
 * Co-editing's live documents, as the socket handlers and tests use them. The hub (yjs-hub) holds one
 * LiveDocument (yjs-live-document) per open (item, field); its parts are in yjs-sessions, yjs-write-queue,
 * yjs-snapshots and yjs-compaction.
 */
export { CollabHub, currentHub } from './yjs-hub';
export { LiveDocument } from './yjs-live-document';
export { type CollabOptions } from './yjs-options';

export type { CollabSession } from './yjs-sessions';
