import type { MeetingStatus, MinuteKind, TemperatureValue } from './constants';

/**
 * The whole live state of a klankbordgroep session, as every participant sees it. It travels in one
 * event (`meeting:state`, room `meeting:<id>`) after every change and answers `meeting:join`, so a
 * participant who reconnects or sees a gap in `seq` simply takes the newest state: nothing to merge.
 */
export interface MeetingState {
	meetingId: string;
	/** The session's sequence number: a state with a lower `seq` than the one shown is old news. */
	seq: number;
	status: MeetingStatus;
	title: string;
	chair: { userId: string; name: string } | null;
	/** The agenda entry in view (live mode); null before the start and after the close. */
	currentEntryId: string | null;
	/** When the timer of the current entry started running (ISO); null while paused or not live. */
	timerStartedAt: string | null;
	entries: MeetingEntryView[];
	attendance: AttendanceView[];
	/** The last temperature check per (item, municipality). */
	temperature: TemperatureView[];
	/**
	 * The scenarios of the item in view (live mode, an item with scenarios; null otherwise), with `shown` when
	 * the chair put the comparison on screen for everyone.
	 */
	scenarios: ScenarioBoardView | null;
	/** The last temperature check per (scenario, municipality), over the whole session. */
	scenarioChecks: ScenarioCheckView[];
	/** Not deleted, in writing order. */
	minutes: MinuteView[];
	startedAt: string | null;
	endedAt: string | null;
	/** When the session was cancelled and why (the reason may be empty); null unless cancelled. */
	cancelled: { at: string; reason: string } | null;
	/** When the verkenner published the highlights on the public site (ISO); null while they are internal. */
	highlightsPublishedAt: string | null;
	/** The server's clock when the state was sent (ISO): the client's timer corrects its own clock with it. */
	serverNow: string;
}

export interface MeetingEntryView {
	id: string;
	itemId: string;
	/** 1-based place on the agenda. */
	position: number;
	title: string;
	plannedMinutes: number;
	/** Time spent on it so far, not counting the running stretch (see `timerStartedAt`). */
	spentSeconds: number;
}

export interface AttendanceView {
	userId: string;
	name: string;
	/** Null: present for the region (the verkenner). */
	municipalityId: string | null;
	checkedInAt: string;
}

export interface TemperatureView {
	itemId: string;
	municipalityId: string;
	value: TemperatureValue;
	givenByName: string;
	givenAt: string;
	/** When it became the municipality's formal position; null if not (yet). */
	positionSetAt: string | null;
}

/** The compact comparison a session shows: the options with their costs and how each municipality weighs them. */
export interface ScenarioBoardView {
	itemId: string;
	shown: boolean;
	scenarios: { id: string; title: string; oneOffCents: number; yearlyCents: number; proposed: boolean }[];
	/** The item's participating municipalities, in the region's order. */
	municipalityIds: string[];
	/** The klankbordgroep's appreciation (0–100) per municipality and scenario; absent: not scored. */
	appreciations: { municipalityId: string; scenarioId: string; value: number }[];
	/** Per municipality that scored: the scenario it appreciates most (null: a tie). */
	preferred: Record<string, string | null>;
}

export interface ScenarioCheckView {
	itemId: string;
	scenarioId: string;
	municipalityId: string;
	value: TemperatureValue;
	givenByName: string;
	givenAt: string;
}

export interface MinuteView {
	id: string;
	/** Null: about the session as a whole. */
	itemId: string | null;
	kind: MinuteKind;
	body: string;
	ownerName: string;
	dueOn: string | null;
	municipalityId: string | null;
	createdByName: string;
	createdAt: string;
}

/** Seconds spent on an entry at `nowMs` (the server's clock, as the client estimates it). */
export function entryElapsedSeconds(state: Pick<MeetingState, 'currentEntryId' | 'timerStartedAt'>, entry: MeetingEntryView, nowMs: number): number {
	const running = state.currentEntryId === entry.id && state.timerStartedAt ? Math.max(0, nowMs - Date.parse(state.timerStartedAt)) : 0;
	return entry.spentSeconds + Math.floor(running / 1000);
}
