/**
 * Klankbordgroep sessions ("meetings" in code, never "session": that is the login). Planning, live mode
 * (the chair drives, everyone follows), attendance, temperature checks (per item and, with the scenario
 * comparison on screen, per scenario), minutes and the highlights report.
 * Import as a namespace: `import * as meetings from '$lib/server/modules/meetings'`.
 */
export { createMeeting } from './create-meeting';
export { updateMeeting } from './update-meeting';
export { nameChair } from './name-chair';
export { startLive } from './start-live';
export { moveTo } from './move-to';
export { setTimer } from './set-timer';
export { checkIn } from './check-in';
export { giveTemperature } from './give-temperature';
export { adoptTemperature } from './adopt-temperature';
export { showScenarios } from './show-scenarios';
export { giveScenarioTemperature } from './give-scenario-temperature';
export { writeMinute } from './write-minute';
export { deleteMinute } from './delete-minute';
export { closeMeeting } from './close-meeting';
export { cancelMeeting } from './cancel-meeting';
export { publishHighlights } from './publish-highlights';
export { composeHighlights, closedHighlights, highlightsFilename } from './compose-highlights';
export { meetingInvitation } from './invitation';

import { subscribePresence } from './presence';

export * from './queries';

// Every process that takes comments records who speaks up in a live session: set up when this module loads.
subscribePresence();
