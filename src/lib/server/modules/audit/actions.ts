/**
 * Every action the audit trail knows, with the shape of its details. An action is named
 * `<object>.<what happened>`, always in the past tense (a participle): the row records what was done.
 * A result other than success (denied, failure) says the attempt did not succeed; the name stays the same.
 */

type Id = string;
/** Who or what a second factor was asked for. */
type FactorPurpose = string;
/** A field's value before and after a change. */
type FromTo<T = unknown> = { from: T; to: T };

export interface AuditDetails {
	// auth: signing in and out, second factor, password links
	'auth.logged_in': {
		reason?: string;
		/** `provider`: signed in at the municipality's provider, the portal's own second factor still owed. */
		stage?: 'password' | 'complete' | 'password_link' | 'provider';
		/** ms the attempt waited: its account was under attack */ delayedMs?: number;
		/** Signed in with a municipality's account (OpenID Connect): which provider, and whether it attested MFA. */
		via?: 'oidc';
		providerId?: Id;
		mfa?: boolean;
		/** Of an ID token refused: the claim that failed its check (aud, exp, nonce, iss, …). */
		claim?: string;
	};
	'auth.logged_out': Record<string, never>;
	'auth.two_factor_enabled': { recoveryCount: number };
	'auth.two_factor_verified': { purpose: FactorPurpose; method: string };
	'auth.two_factor_failed': { purpose: FactorPurpose; reason?: string };
	'auth.two_factor_disabled': { reason?: string };
	'auth.two_factor_recovery_code_used': { purpose: FactorPurpose; remaining: number };
	'auth.two_factor_recovery_codes_regenerated': { count: number };
	'auth.password_reset_requested': { reason?: string };
	'auth.password_set': { purpose: string; endedSessions: number };

	// user accounts, by an administrator
	'user.invited': { email?: string; name?: string; roles?: string[]; role?: string };
	'user.invitation_resent': { email: string };
	'mail.resent': { to: string; subject: string; state: string };
	'user.updated': { before: { name: string }; after: { name: string } };
	'user.roles_changed': { before: string[]; after: string[]; added: string[]; removed: string[] };
	'user.disabled': { email: string; sessionsEnded: number };
	'user.enabled': { email: string };
	'user.two_factor_reset': { email: string; sessionsEnded: number };

	'municipality.updated': { field: 'inhabitants'; before: number | null; after: number | null };

	// sign-in with a municipality's own account (OpenID Connect)
	'sign_in_provider.added': SignInProviderDetails;
	/** `credentialReplaced`: a new client secret was given (the secret itself is never recorded). */
	'sign_in_provider.updated': { municipalityId: Id | null; changes: Record<string, FromTo>; credentialReplaced: boolean };
	'sign_in_provider.removed': { municipalityId: Id | null; issuer: string; links: number };
	/** A provider's subject became this account's way in: by verified e-mail, or with an account made just in time. */
	'user.sign_in_linked': { providerId: Id; municipalityId: Id | null; by: 'email' | 'just_in_time' };
	/** An administrator ended that link; the person's sessions ended with it. */
	'user.sign_in_unlinked': { email: string; providerId: Id; municipalityId: Id | null; sessionsEnded: number };
	/** An account made at a first sign-in with a municipality's account (just in time), with the role meelezer. */
	'user.provisioned': { email: string; name: string; providerId: Id; roles: string[] };

	// one's own account
	'account.password_changed': { reason?: string; endedSessions?: number };
	'account.name_changed': { from: string | undefined; to: string };
	'account.locale_changed': { locale: string };
	'account.session_ended': { session: string };
	/** How one hears of notifications by e-mail, per kind that changed. */
	'account.notifications_changed': { changes: Record<string, FromTo<string>> };
	/** From the link in a mail: e-mail about one kind, the digest or everything turned off. */
	'account.unsubscribed': { scope: string; kinds: string[] };

	// agenda items
	'item.created': { title: string; ambitionId: number; horizon: string; trekkerId: string | null; participants?: string[] };
	'item.updated': { fields: string[]; changes: Record<string, FromTo>; revision: number };
	'item.status_changed': {
		from: string;
		to: string;
		version: number;
		contentHash: string;
		cause?: string;
		/** Why the verkenner reopened the item (Heropenen). */
		reason?: string;
		municipalityId?: string;
		voidedSignOffs?: number;
		signedVersion?: number;
		signedVersionHash?: string;
	};
	'item.text_edited': { field: string };
	'item.version_captured': { version: number; contentHash: string; reason: string };
	'item.version_restored': { restoredFrom: number; version: number; contentHash: string };
	'item.progress_reported': { percent: number; note?: string | null };
	/** Made public before adoption, or taken back (from vastgesteld on an item is public anyway). */
	'item.publication_changed': { public: boolean };

	// comments
	'comment.posted': { itemId: Id; parentId: Id | null; visibility: string; municipalityId: Id | null; seq: number; anchored: boolean };
	'comment.edited': CommentChangeDetails;
	'comment.deleted': CommentChangeDetails;
	'comment.resolved': CommentChangeDetails;
	'comment.reopened': CommentChangeDetails;

	// decisions about an item
	'position.set': { municipalityId: Id; from: string | null; to: string; reasons: string; conditions: string[]; sharedPublicly?: boolean };
	'signoff.recorded': {
		signOffId: Id;
		municipalityId: Id;
		decision: string;
		withdrawn?: boolean;
		version: number;
		versionHash: string;
		kenmerk?: string | null;
		meetingDate?: string | null;
	};
	'signoff.voided': { reason: string; signOffs: { id: Id; municipalityId: Id; version: number }[] };
	'council_decision.recorded': {
		councilDecisionId: Id;
		municipalityId: Id;
		outcome: string;
		meetingDate?: string | null;
		kenmerk?: string | null;
		version?: number | null;
	};

	// interviews and their candidates
	'interview.created': { municipalityId: Id; body: string; bodyOther?: string | null; heldOn: string; visibility: string };
	'interview.updated': { changed: string[]; from: Record<string, unknown>; to: Record<string, unknown> };
	'interview.notes_saved': { revision: number; characters: number };
	'interview.candidate_captured': { candidateId: Id } & Record<string, unknown>;
	'interview.candidate_updated': { candidateId: Id; changed: string[]; from: Record<string, unknown>; to: Record<string, unknown> };
	'interview.candidate_deleted': { candidateId: Id } & Record<string, unknown>;
	'interview.candidate_promoted': { candidateId: Id; itemId: Id; title: string };
	'interview.candidate_attached': { candidateId: Id; itemId: Id; itemTitle: string };

	// klankbordgroep sessions
	'meeting.created': { title: string; startsAt: string; endsAt: string; agenda: unknown[]; invitees: number };
	'meeting.updated': { title: string; startsAt: string; endsAt: string; agenda: unknown[]; inviteesBefore: number; invitees: number; revision: number };
	'meeting.chair_named': { from: Id | null; to: Id | null };
	'meeting.started': { entryId: Id; itemId: Id };
	'meeting.moved': { from: Id | null; to: Id; itemId: Id };
	'meeting.timer_paused': { entryId: Id | null };
	'meeting.timer_resumed': { entryId: Id | null };
	'meeting.checked_in': { userId: Id; municipalityId: Id | null; recordedBy: Id; via?: 'temperature' | 'comment' };
	'meeting.temperature_given': { itemId: Id; municipalityId: Id; value: string };
	'meeting.temperature_adopted': { itemId: Id; municipalityId: Id; position: string };
	'meeting.scenarios_shown': { entryId: Id; itemId: Id };
	'meeting.scenarios_hidden': { entryId: Id; itemId: Id };
	'meeting.scenario_temperature_given': { itemId: Id; scenarioId: Id; municipalityId: Id; value: string };
	'meeting.minute_written': { minuteId: Id; itemId: Id | null; kind: string; ownerName?: string | null; dueOn?: string | null };
	'meeting.minute_deleted': { minuteId: Id; kind: string };
	'meeting.closed': { lastEntryId: Id | null };
	'meeting.cancelled': { reason: string; invitees: number; revision: number };
	'meeting.highlights_published': { published: boolean };

	// the register of joint arrangements (samenwerkingen)
	'collaboration.created': { name: string; kind: string; legalForm: string | null; startsOn: string; endsOn: string | null };
	'collaboration.updated': { changes: Record<string, FromTo>; revision: number };
	'collaboration.ended': { endsOn: string; reason: string; revision: number };
	'collaboration.participants_set': { before: string[]; after: string[] };
	'collaboration.contributions_set': { year: number; key: string; totalCents: number; shares: { municipalityId: string; cents: number }[] };
	'collaboration.contribution_set': { year: number; municipalityId: string; key: string; cents: number; before: number | null };
	'collaboration.seats_set': { municipalityId: string; seats: string[]; rapporteurs: string[] };
	'collaboration.moment_added': { momentId: Id; kind: string; on: string; municipalityId: string | null };
	'collaboration.moment_changed': { momentId: Id; changes: Record<string, FromTo> };
	'collaboration.moment_removed': { momentId: Id; kind: string; on: string };
	'collaboration.board_meeting_added': { meetingId: Id; board: string; on: string };
	'collaboration.board_meeting_changed': { meetingId: Id; changes: Record<string, FromTo> };
	'collaboration.board_meeting_removed': { meetingId: Id; board: string; on: string };
	// A cover note's texts stay out of the trail: they are internal to the municipality until shared.
	'collaboration.cover_note_saved': { coverNoteId: Id; meetingId: Id; municipalityId: string; revision: number };
	'collaboration.cover_note_shared': { coverNoteId: Id; meetingId: Id; municipalityId: string };
	'collaboration.cover_note_unshared': { coverNoteId: Id; meetingId: Id; municipalityId: string };
	'collaboration.comment_posted': { commentId: Id; coverNoteId: Id | null; length: number };
	'collaboration_report.drawn_up': { municipalityId: string; half: string; format: string };
	'collaboration.assessment_created': { assessmentId: Id; occasion: string; title: string };
	'collaboration.assessment_answered': { assessmentId: Id; revision: number; questions: string[] };
	'collaboration.assessment_choice_set': { assessmentId: Id; revision: number; choice: FromTo<string | null> };
	'collaboration.assessment_completed': { assessmentId: Id; revision: number };
	'collaboration.assessment_scored': { assessmentId: Id; municipalityId: string; scores: { criterion: string; score: FromTo<number | null> }[] };
	'collaboration.assessment_linked': { assessmentId: Id; itemId: Id };
	'collaboration.assessment_unlinked': { assessmentId: Id; itemId: Id };

	// scenarios of an item: the options, the criteria they are weighed on, the municipalities' scores
	'scenario.added': { scenarioId: Id; title: string; oneOffCents: number; yearlyCents: number; verdeelsleutel: string | null; collaborationId: Id | null };
	'scenario.updated': { scenarioId: Id; fields: string[]; title: string };
	/** A scored scenario is kept (marked removed) with its scores; `scores` says how many it held. */
	'scenario.removed': { scenarioId: Id; title: string; scores: number };
	'scenario.proposed': { scenarioId: FromTo<Id | null> };
	'scenario.criteria_set': { preset: string | null; criteria: string[]; removed: string[] };
	'scenario.scored': {
		scenarioId: Id;
		municipalityId: Id;
		voice: string;
		sharedPublicly: boolean;
		scores: { criterionId: Id; score: FromTo<number | null> }[];
	};
}

/** A sign-in provider as configured (never its client secret). */
interface SignInProviderDetails {
	municipalityId: Id | null;
	issuer: string;
	clientId: string;
	emailDomains: string[];
	required: boolean;
	allowJustInTime: boolean;
}

/** What every change to a comment records besides its own details. */
interface CommentChangeDetails {
	itemId: Id;
	seq: number;
	/** Of an edit: the length of the new text. */
	length?: number;
}

export type AuditAction = keyof AuditDetails;

/** Every action, in the order of `AuditDetails`, for the filter's choices and the tests. */
export const auditActions = [
	'auth.logged_in',
	'auth.logged_out',
	'auth.two_factor_enabled',
	'auth.two_factor_verified',
	'auth.two_factor_failed',
	'auth.two_factor_disabled',
	'auth.two_factor_recovery_code_used',
	'auth.two_factor_recovery_codes_regenerated',
	'auth.password_reset_requested',
	'auth.password_set',
	'user.invited',
	'user.invitation_resent',
	'mail.resent',
	'user.updated',
	'user.roles_changed',
	'user.disabled',
	'user.enabled',
	'user.two_factor_reset',
	'municipality.updated',
	'sign_in_provider.added',
	'sign_in_provider.updated',
	'sign_in_provider.removed',
	'user.sign_in_linked',
	'user.sign_in_unlinked',
	'user.provisioned',
	'account.password_changed',
	'account.name_changed',
	'account.locale_changed',
	'account.session_ended',
	'account.notifications_changed',
	'account.unsubscribed',
	'item.created',
	'item.updated',
	'item.status_changed',
	'item.text_edited',
	'item.version_captured',
	'item.version_restored',
	'item.progress_reported',
	'item.publication_changed',
	'comment.posted',
	'comment.edited',
	'comment.deleted',
	'comment.resolved',
	'comment.reopened',
	'position.set',
	'signoff.recorded',
	'signoff.voided',
	'council_decision.recorded',
	'interview.created',
	'interview.updated',
	'interview.notes_saved',
	'interview.candidate_captured',
	'interview.candidate_updated',
	'interview.candidate_deleted',
	'interview.candidate_promoted',
	'interview.candidate_attached',
	'meeting.created',
	'meeting.updated',
	'meeting.chair_named',
	'meeting.started',
	'meeting.moved',
	'meeting.timer_paused',
	'meeting.timer_resumed',
	'meeting.checked_in',
	'meeting.temperature_given',
	'meeting.temperature_adopted',
	'meeting.scenarios_shown',
	'meeting.scenarios_hidden',
	'meeting.scenario_temperature_given',
	'meeting.minute_written',
	'meeting.minute_deleted',
	'meeting.closed',
	'meeting.cancelled',
	'meeting.highlights_published',
	'collaboration.created',
	'collaboration.updated',
	'collaboration.ended',
	'collaboration.participants_set',
	'collaboration.contributions_set',
	'collaboration.contribution_set',
	'collaboration.seats_set',
	'collaboration.moment_added',
	'collaboration.moment_changed',
	'collaboration.moment_removed',
	'collaboration.board_meeting_added',
	'collaboration.board_meeting_changed',
	'collaboration.board_meeting_removed',
	'collaboration.cover_note_saved',
	'collaboration.cover_note_shared',
	'collaboration.cover_note_unshared',
	'collaboration.comment_posted',
	'collaboration_report.drawn_up',
	'collaboration.assessment_created',
	'collaboration.assessment_answered',
	'collaboration.assessment_choice_set',
	'collaboration.assessment_completed',
	'collaboration.assessment_scored',
	'collaboration.assessment_linked',
	'collaboration.assessment_unlinked',
	'scenario.added',
	'scenario.updated',
	'scenario.removed',
	'scenario.proposed',
	'scenario.criteria_set',
	'scenario.scored'
] as const satisfies readonly AuditAction[];

// Every action is listed above, and nothing else.
type Missing = Exclude<AuditAction, (typeof auditActions)[number]>;
const everyActionListed: [Missing] extends [never] ? true : Missing = true;
void everyActionListed;

/** An action's details: to be given when its shape has a required field, else optional. */
type DetailsOf<A extends AuditAction> = Record<string, never> extends AuditDetails[A] ? { details?: AuditDetails[A] } : { details: AuditDetails[A] };

/** The part of an audit entry that names the action; one member per action, so action and details agree. */
export type AuditActionEntry<A extends AuditAction = AuditAction> = { [K in A]: { action: K } & DetailsOf<K> }[A];

/**
 * Names that rows written earlier carry, each with the name it has now. Audit rows are never rewritten
 * (the table is append-only), so the page reads these as their new name: the same label and the same filter.
 */
export const legacyActions = {
	'auth.login': 'auth.logged_in',
	'auth.logout': 'auth.logged_out',
	'auth.two_factor.enabled': 'auth.two_factor_enabled',
	'auth.two_factor.verified': 'auth.two_factor_verified',
	'auth.two_factor.failed': 'auth.two_factor_failed',
	'auth.two_factor.disabled': 'auth.two_factor_disabled',
	'auth.two_factor.recovery_code_used': 'auth.two_factor_recovery_code_used',
	'auth.two_factor.recovery_codes_regenerated': 'auth.two_factor_recovery_codes_regenerated',
	'auth.password_reset.requested': 'auth.password_reset_requested',
	'item.create': 'item.created',
	'item.update': 'item.updated',
	'item.transition': 'item.status_changed',
	'item.version.capture': 'item.version_captured',
	'item.version.restore': 'item.version_restored',
	'item.progress': 'item.progress_reported',
	'comment.post': 'comment.posted',
	'signoff.record': 'signoff.recorded',
	'signoff.void': 'signoff.voided',
	'council.record': 'council_decision.recorded',
	'interview.create': 'interview.created',
	'interview.update': 'interview.updated',
	'meeting.create': 'meeting.created',
	'meeting.update': 'meeting.updated',
	'meeting.chair': 'meeting.chair_named',
	'meeting.start': 'meeting.started',
	'meeting.move': 'meeting.moved',
	'meeting.checkin': 'meeting.checked_in',
	'meeting.temperature': 'meeting.temperature_given',
	'meeting.minute': 'meeting.minute_written',
	'meeting.close': 'meeting.closed'
} as const satisfies Record<string, AuditAction>;

const known = new Set<string>(auditActions);

function isAuditAction(name: string): name is AuditAction {
	return known.has(name);
}

/** The current name of a stored action: itself, or what a legacy name is called now; null when unknown. */
export function currentAction(name: string): AuditAction | null {
	if (isAuditAction(name)) return name;
	return Object.hasOwn(legacyActions, name) ? legacyActions[name as keyof typeof legacyActions] : null;
}

/** The stored names a filter on `action` matches: the action and the names it had before. */
export function storedNames(action: AuditAction): string[] {
	return [action, ...Object.entries(legacyActions).flatMap(([old, now]) => (now === action ? [old] : []))];
}
