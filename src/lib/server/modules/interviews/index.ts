/**
 * The verkenner's inventory interviews: interviews with their notes, the candidate activities found
 * in them, and the way a candidate reaches the agenda. Import as a namespace:
 * `import * as interviews from '$lib/server/modules/interviews'`.
 */
export { createInterview } from './create-interview';
export { updateInterview } from './update-interview';
export { saveNotes, NotesConflictError } from './save-notes';
export { captureCandidate } from './capture-candidate';
export { updateCandidate, deleteCandidate } from './change-candidate';
export { promoteCandidate } from './promote-candidate';
export { attachCandidate } from './attach-candidate';
export * from './queries';
export { interviewOrigins } from './timeline';
export { visibleVisibilities, visibleInterview, visibleInterviewsWhere } from './visibility';
export { overviewToJson, interviewToJson } from './api';
export { interviewOverviewJson, interviewJson } from './api-schema';
