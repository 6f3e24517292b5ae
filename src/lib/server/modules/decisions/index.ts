/**
 * Decisions on agenda items: the municipalities' positions (standpunten), the college sign-off round on one
 * frozen version, what the councils did with an item, implementation progress, and the read models of all
 * of them (the position matrix, the item's decisions block and timeline, a municipality's overview).
 * Import as a namespace: `import * as decisions from '$lib/server/modules/decisions'`.
 */
import { useSignOffRules } from '../agenda-items';
import { signOffRules } from './sign-off-rules';

// Every write to an item applies the sign-off rules (agenda-items/change.ts); they are provided from here
// because this module depends on agenda-items, never the other way round.
useSignOffRules(signOffRules);

export { setPosition, type SetPositionResult } from './set-position';
export { recordSignOff } from './record-sign-off';

export { frozenVersion } from './frozen-version';
export { recordCouncilDecision } from './record-council-decision';
export { reportProgress } from './report-progress';
export * from './queries';
export * from './municipality-overview';
export { compareWithCurrent } from './compare-current';
export { decisionsToJson } from './api';
export { itemDecisionsJson, itemVersionsJson, itemVersionJson } from './api-schema';
export { listVersions, getVersion } from './versions';
