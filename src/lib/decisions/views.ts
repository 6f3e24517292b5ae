import type { ItemStatus } from '../agenda/constants';
import type { InterviewOriginEntry } from '../interviews/views';
import type { consensusOf, CouncilOutcome, PositionKind, SignOffDecision, VoidReason } from './constants';

// What the pages show of decisions: shared by the server's queries and the browser's components.

export interface FrozenVersion {
	id: string;
	number: number;
	contentHash: string;
}

/** The signed content of the version up for decision, as the sign-off form shows it (from the stored canonical JSON). */
export interface RoundText {
	title: string;
	summary: string;
	/** Sanitised on the server before it was stored. */
	descriptionHtml: string;
	meerwaardeHtml: string;
	startDate: string | null;
	endDate: string | null;
	milestones: { title: string; dueDate: string }[];
	participants: string[];
	costEstimateCents: number;
	verdeelsleutel: string;
	contributions: { label: string; amountCents: number }[];
}

export interface PositionView {
	municipalityId: string;
	position: PositionKind;
	reasons: string;
	conditions: string[];
	updatedByName: string;
	/** The account that set it (for the person's other roles next to the name); absent in live updates. */
	updatedBy?: string | null;
	updatedAt: Date;
	/** The municipality shares this position with the public (shown on the public site once the item is public). */
	sharedPublicly: boolean;
}

export interface PositionChangeView {
	municipalityId: string;
	from: PositionKind | null;
	to: PositionKind;
	reasons: string;
	conditions: string[];
	byName: string;
	at: Date;
}

export interface SignOffView {
	id: string;
	municipalityId: string;
	versionNumber: number;
	contentHash: string;
	decision: SignOffDecision;
	conditions: string[];
	reasons: string;
	withdrawn: boolean;
	meetingDate: string;
	kenmerk: string;
	documentUrl: string | null;
	signedByName: string;
	/** The account that signed (for the person's other roles next to the name). */
	signedBy?: string | null;
	signedAt: Date;
	voided: { at: Date; byName: string; reason: VoidReason } | null;
	/** The stored snapshot of the signed version still hashes to what was signed. */
	verified: boolean;
	/**
	 * The item's signed content now (sign-offs/signed-content.ts: all but status and milestones' done flags)
	 * is still that of the signed version. False once the text or a signed field changed afterwards.
	 */
	matchesCurrent: boolean;
}

/** What the adopted item's signatures cover, and whether its current text still is that version. */
export interface AdoptedVersion {
	versionNumber: number;
	contentHash: string;
	/** The current content differs from the signed version: the signatures no longer cover it. */
	currentDiffers: boolean;
}

export interface CouncilDecisionView {
	id: string;
	municipalityId: string;
	meetingDate: string;
	outcome: CouncilOutcome;
	wensenEnBedenkingen: string;
	kenmerk: string;
	/** The adopted version the council decided about (null for old records). */
	versionNumber: number | null;
	recordedByName: string;
	recordedAt: Date;
}

export interface ProgressView {
	percent: number;
	note: string;
	reportedByName: string;
	reportedAt: Date;
}

export type TimelineEntry =
	| { kind: 'created'; at: Date; byName: string | null }
	| { kind: 'version'; at: Date; byName: string | null; number: number; reason: string; status: string }
	| { kind: 'position'; at: Date; byName: string; municipalityId: string; from: PositionKind | null; to: PositionKind; reasons: string }
	| { kind: 'signoff'; at: Date; byName: string; municipalityId: string; decision: SignOffDecision; versionNumber: number; kenmerk: string }
	| { kind: 'void'; at: Date; byName: string; municipalityId: string; reason: VoidReason; versionNumber: number }
	| { kind: 'council'; at: Date; byName: string; municipalityId: string; outcome: CouncilOutcome; kenmerk: string }
	| { kind: 'progress'; at: Date; byName: string; percent: number; note: string }
	/** the interviews it came from (only those the reader may see). */
	| InterviewOriginEntry;

export interface ItemDecisions {
	itemId: string;
	status: ItemStatus;
	seq: number;
	participants: string[];
	positions: PositionView[];
	positionHistory: PositionChangeView[];
	/** The version a sign-off round is about, while the item is gereed voor besluitvorming. */
	round: FrozenVersion | null;
	/** The text of that version, shown in the sign-off form. */
	roundText: RoundText | null;
	/** After vastgesteld (also in uitvoering, afgerond): the version the colleges agreed on. */
	adopted: AdoptedVersion | null;
	signOffs: SignOffView[];
	council: CouncilDecisionView[];
	progress: ProgressView | null;
	timeline: TimelineEntry[];
	/** Municipalities the actor may act for, per action. */
	mayAct: { position: string[]; signoff: string[]; council: string[] };
}

export interface MatrixRow {
	id: string;
	title: string;
	status: ItemStatus;
	participants: string[];
	positions: Record<string, PositionKind | null>;
	/** The municipalities that share their position on this item with the public. */
	shared: string[];
	consensus: ReturnType<typeof consensusOf>;
}

export interface PositionMatrix {
	municipalities: { id: string; name: string }[];
	groups: { ambition: { id: number; title: string; shortTitle: string }; items: MatrixRow[] }[];
}
