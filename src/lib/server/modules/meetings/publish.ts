import { publish } from '../../realtime/publish';
import type { MeetingState } from '../../../meetings/live';

/** After commit: the whole state to everyone in the session's room (they keep the highest `seq`). */
export function publishMeetingState(state: MeetingState): void {
	publish(`meeting:${state.meetingId}`, 'meeting:state', { ...state, serverNow: new Date().toISOString() });
}
