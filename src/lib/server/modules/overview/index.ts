/**
 * The region at a glance on the start page: read models only, each built on the lists the rest of the portal
 * shows (the agenda, the position matrix, a municipality's decisions, the register's calendar, the sessions)
 * with the reader as actor. Import as a namespace: `import * as overview from '$lib/server/modules/overview'`.
 */
export { regionOverview } from './overview';
export { ambitionFigures } from './ambitions';
export { costFigures } from './costs';
export { decisionProgress } from './decision-progress';
export { comingUp } from './coming-up';
export { recentActivity, ACTIVITY_SHOWN } from './activity';
