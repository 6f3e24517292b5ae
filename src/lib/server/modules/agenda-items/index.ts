/**
 * The uitvoeringsagenda: agenda items, their status, versions and history.
 * Import as a namespace: `import * as agenda from '$lib/server/modules/agenda-items'`.
 */
export { createItem, insertItem } from './create-item';
export { updateItemFields } from './update-item-fields';
export { transitionItem } from './transition-item';
export { reopenItem } from './reopen-item';
export { setItemPublic } from './publish-item';
export { changeStatus, type StatusChange } from './change-status';
export {
	changeItem,
	itemEventOf,
	statusEvent,
	signOffsVoidedEvent,
	useSignOffRules,
	type SignOffRules,
	type ItemAfter,
	type ItemAudit,
	type VoidedSignOff
} from './change';
export { itemScenariosOf, isLiveScenarioOf } from './scenarios';
export { captureVersion, captureAutoVersionIfIdle } from './capture-version';
export { restoreVersion } from './restore-version';
export { setRichTextReplacer, useStoredTexts, useTextGate, type RichTextReplacer, type StoredItemTexts } from './rich-text';
export { AgendaConflictError } from './conflict';
export { contentOf, freeze, verifyContent, sha256Hex, type ItemContent } from './content';
export { diffContents, type VersionDiff } from './diff';
export { loadItemState, loadChildren, nextSeq, type ItemState } from './state';
export * from './queries';
export { overviewToJson, itemToJson } from './api';
export { agendaOverviewJson, agendaItemJson } from './api-schema';
export type { Contributor } from '../../db/schema';
