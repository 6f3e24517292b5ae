/**
 * Co-editing of the rich texts: authorising and storing Yjs updates (an append-only log per item × field,
 * compaction), the text snapshot after a pause, HTML ⇄ Yjs with an allow-list, presence. The live documents
 * themselves are held by `realtime/`, which calls this module.
 */
export { authorizeOpen, authorizeWrite, recordUpdates, writeSnapshot, afterEditingPause, type BurstStart } from './commands';
export { CollabFailure } from './errors';
export { writeInitialText, type TextAnchor } from './initial-text';
export { fillFragment } from './from-html';
export { escapeHtml, fragmentToSnapshot, plainToHtml, type RichTextSnapshot } from './html';
export { loadCollaborator } from './presence';
export * from './store';

import { useStoredTexts } from '../agenda-items';
import { storedTexts } from './store';

// The freeze and "Versie vastleggen" (agenda-items) version the stored documents; this module reads them.
useStoredTexts(storedTexts);
