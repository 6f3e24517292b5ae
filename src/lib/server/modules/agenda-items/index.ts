/**
 * The uitvoeringsagenda: agenda items, their status, versions and history.
 * Import as a namespace: `import * as agenda from '$lib/server/modules/agenda-items'`.
 */
export { createItem, insertItem } from './create-item';
export { updateItemFields } from './update-item-fields';
export { transitionItem } from './transition-item';
export { changeStatus, type StatusChange } from './change-status';
export { changeItem, statusEvent, useSignOffRules, type SignOffRules, type ItemAfter } from './change';
export { captureVersion, captureAutoVersionIfIdle } from './capture-version';
export { restoreVersion } from './restore-version';
export { setRichTextReplacer, type RichTextReplacer } from './rich-text';
export { AgendaConflictError } from './conflict';
export { contentOf, freeze, verifyContent, sha256Hex, type ItemContent } from './content';
export { diffContents, type VersionDiff } from './diff';
export { loadItemState, loadChildren, nextSeq, type ItemState } from './state';
export * from './queries';
export { overviewToJson, itemToJson } from './api';
export type { Contributor } from '../../db/schema';
