/**
 * What awaits one person: items up for their college's decision, decisions of theirs that were voided, council
 * follow-up, positions their municipality owes, unread mentions, their action points, and for the verkenner
 * what is stuck where. Read models only; every list comes from the state in the database.
 */
export { myWork, myWorkCount } from './my-work';
export { myWorkJson, myWorkCountJson } from './api-schema';
// The lists' rules, for the region's overview: they check nothing themselves, the caller authorises.
export { awaitingCouncil, overdueActionPoints, type OverdueActionPoint } from './queries';
