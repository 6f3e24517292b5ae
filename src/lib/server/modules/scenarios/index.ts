/**
 * Scenarios of an agenda item: the options it puts side by side (signed content, through the item's write
 * path), the criteria they are weighed on and each municipality's scores (the weighing, like positions).
 * Import as a namespace: `import * as scenarios from '$lib/server/modules/scenarios'`.
 */
export { addScenario, updateScenario, removeScenario, proposeScenario } from './scenario-commands';
export { setCriteria } from './set-criteria';
export { scoreScenario } from './score-scenario';
export { scenarioComparison, scenariosPage, type ScenarioComparison } from './queries';
