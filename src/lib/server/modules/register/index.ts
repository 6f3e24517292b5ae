/**
 * The register of joint arrangements (*samenwerkingen*): every arrangement the five take part in, its
 * participants and contributions, its board members and rapporteurs, its cycle of decision moments.
 * Import as a namespace: `import * as register from '$lib/server/modules/register'`.
 */
export { createCollaboration } from './create-collaboration';
export { updateCollaboration } from './update-collaboration';
export { endCollaboration } from './end-collaboration';
export { setParticipants } from './set-participants';
export { splitContributions } from './split-contributions';
export { setContribution } from './set-contribution';
export { setSeats } from './set-seats';
export { addMoment } from './add-moment';
export { changeMoment } from './change-moment';
export { removeMoment } from './remove-moment';
export { listCollaborations, getCollaboration, municipalityOverview, seatsOfPerson } from './queries';
export { addBoardMeeting, changeBoardMeeting, removeBoardMeeting } from './board-meetings';
export { saveCoverNote, shareCoverNote } from './cover-notes';
export { postComment } from './comments';
export { listBoardMeetings, upcomingBoardMeetings, getBoardMeeting, listCollaborationComments } from './board-meeting-queries';
export { registerDashboard, parseScope } from './dashboard';
export { drawUpReport, listReports, halfOf } from './report';
export { createAssessment } from './create-assessment';
export { saveAnswers } from './save-answers';
export { setChoice } from './set-choice';
export { completeAssessment } from './complete-assessment';
export { scoreAssessment } from './score-assessment';
export { linkAssessmentToItem, unlinkAssessment } from './link-assessment';
export { listAssessments, getAssessment, compareAssessments, latestAssessmentSummary, assessmentOfItem } from './assessment-queries';
export { linkedAssessments, type ItemCollaboration } from './linked-assessment';
export { registerOverview, linkablePeople } from './views';
export { registerCalendar, registerCalendarIcs, calendarPageFrom, byMonth, type CalendarEntry } from './calendar';
export { doubleHatsOf } from './double-hats';
export { visibleCoverNotesWhere, visibleCollaborationsWhere } from './cover-note-visibility';
