/** The college sign-off round on one frozen version of an item. Import as a namespace. */
export { recordSignOff, type SignOffResult } from './record-sign-off';
export { voidSignOffs } from './void-sign-offs';
export { returnToDiscussionAfterEdit } from './on-content-edit';
export { frozenVersion, type FrozenVersion } from './frozen-version';
