import type { MinuteKind, TemperatureValue } from './constants';

/**
 * The "highlights" of a klankbordgroep session: everything the report needs, composed by the meetings
 * module from the database and rendered as PDF and DOCX by server/modules/meetings/report/*. Labels are
 * resolved by the renderers in the requested locale; this holds data only.
 */
export interface Highlights {
	meeting: {
		id: string;
		title: string;
		/** ISO timestamps. */
		startsAt: string;
		endsAt: string;
		location: string;
		onlineUrl: string;
		chairName: string | null;
		startedAt: string | null;
		endedAt: string | null;
	};
	/** Per municipality (all five, in the region's order), who was present; empty = nobody. */
	attendance: { municipalityId: string; municipalityName: string; names: string[] }[];
	/** Present without a municipality (the verkenner, an administrator). */
	regionalAttendees: string[];
	items: HighlightsItem[];
	/** Minutes not tied to an agenda item. */
	general: HighlightsMinute[];
	generatedAt: string;
}

export interface HighlightsItem {
	itemId: string;
	/** 1-based place on the session's agenda. */
	position: number;
	title: string;
	ambitionName: string;
	plannedMinutes: number;
	spentSeconds: number;
	temperature: { municipalityId: string; municipalityName: string; value: TemperatureValue; givenByName: string }[];
	/** The checks per scenario (only scenarios that got one, in the options' order); absent or empty: none. */
	scenarioChecks?: HighlightsScenarioCheck[];
	minutes: HighlightsMinute[];
}

export interface HighlightsScenarioCheck {
	scenarioTitle: string;
	/** The scenario was removed from the item after the session: the check stays, marked. */
	removed: boolean;
	checks: { municipalityName: string; value: TemperatureValue; givenByName: string }[];
}

export interface HighlightsMinute {
	kind: MinuteKind;
	body: string;
	/** Action points. */
	ownerName: string;
	dueOn: string | null;
	/** Questions: the council it is for; null = all councils. */
	municipalityName: string | null;
	createdByName: string;
	createdAt: string;
}
