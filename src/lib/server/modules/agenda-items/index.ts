/**
 * The uitvoeringsagenda: agenda items, their status, versions and history.
 * Import as a namespace: `import * as agenda from '$lib/server/modules/agenda-items'`.
 */
export { createItem } from './create-item';
export { updateItemFields } from './update-item-fields';
export { transitionItem, changeStatus, type StatusChange } from './transition-item';
export { captureVersion, captureAutoVersionIfIdle, insertVersion, latestVersion } from './capture-version';
export { restoreVersion } from './restore-version';
export { setRichTextReplacer, type RichTextReplacer, type RichTexts } from './rich-text';
export { AgendaConflictError, type CurrentValues } from './conflict';
export { contentOf, freeze, verifyContent, sha256Hex, type ItemContent } from './content';
export { loadItemState, type ItemState } from './state';
export * from './queries';
export { overviewToJson, itemToJson } from './api';
export { loadChildren, nextSeq } from './state';
export { diffContents, type VersionDiff } from './diff';
export { publishItemChange } from './events';
