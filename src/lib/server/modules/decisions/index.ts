/** Read models for positions, sign-offs, council decisions, progress and the item timeline. */
export * from './queries';
export * from './municipality-overview';
export { compareWithCurrent, type CurrentComparison } from './compare-current';
export { decisionsToJson } from './api';
