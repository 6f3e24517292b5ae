import type { Horizon, ItemStatus } from '../agenda/constants';
import type { InterviewBody, InterviewVisibility } from './constants';

// What the pages show of interviews: shared by the server's queries and the browser's components.

/** "Voortgekomen uit gesprek met …": one entry of an agenda item's timeline per candidate that reached it. */
export interface InterviewOriginEntry {
	kind: 'interview';
	/** When the candidate was taken onto the agenda. */
	at: Date;
	byName: string | null;
	interviewId: string;
	municipalityId: string;
	body: InterviewBody;
	bodyOther: string;
	heldOn: string;
	link: 'created' | 'added';
	candidateTitle: string;
}

export interface InterviewSummary {
	id: string;
	municipalityId: string;
	body: InterviewBody;
	bodyOther: string;
	heldOn: string;
	/** Dated after today: planned, not yet held. */
	planned: boolean;
	visibility: InterviewVisibility;
	candidateCount: number;
}

export interface CandidateView {
	id: string;
	interviewId: string;
	title: string;
	ambitionId: number;
	horizon: Horizon;
	meerwaarde: string;
	interested: string[];
	/** The agenda item it became (`created`) or was added to (`added`). */
	item: { id: string; title: string; status: ItemStatus; link: 'created' | 'added' } | null;
	createdAt: Date;
}

/** A candidate in the overview, with the interview it came from. */
export interface CandidateSummary extends CandidateView {
	interview: Pick<InterviewSummary, 'id' | 'municipalityId' | 'body' | 'bodyOther' | 'heldOn'>;
}
