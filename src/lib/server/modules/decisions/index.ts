/**
 * Decisions on agenda items: the municipalities' positions (standpunten), the college sign-off round on one
 * frozen version, what the councils did with an item, implementation progress, and the read models of all
 * of them (the position matrix, the item's decisions block and timeline, a municipality's overview).
 * Import as a namespace: `import * as decisions from '$lib/server/modules/decisions'`.
 */
export { setPosition, type SetPositionResult } from './set-position';
export { recordSignOff, type SignOffResult } from './record-sign-off';
export { voidSignOffs } from './void-sign-offs';
export { returnToDiscussionAfterEdit } from './on-content-edit';
export { frozenVersion, type FrozenVersion } from './frozen-version';
export { recordCouncilDecision } from './record-council-decision';
export { reportProgress } from './report-progress';
export * from './queries';
export * from './municipality-overview';
export { compareWithCurrent, type CurrentComparison } from './compare-current';
export { decisionsToJson } from './api';
