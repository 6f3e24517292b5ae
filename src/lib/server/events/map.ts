import type { CommentView, EventActor, NotificationView } from '../../realtime/events';
import type { InterviewChangedEvent, InterviewsChangedEvent } from '../../interviews/events';
import type { MeetingState } from '../../meetings/live';

/**
 * Every domain event the portal announces, by name, with its data. A command returns (or adds to its
 * sink) events of this map; they reach the bus only after the transaction that caused them committed, and
 * every subscriber (socket rooms, in-app notifications, later e-mail, the public site's cache, other nodes)
 * reads them from here. Names are `<aggregate>.<what happened>` in the past tense.
 */
export interface DomainEvents {
	/** Agenda items: structured fields, status, versions. `seq` is the item's sequence number after the change. */
	'item.created': ItemEvent;
	'item.fields_changed': ItemEvent & { fields: string[] };
	'item.status_changed': ItemEvent & { from: string; version?: number };
	'item.version_captured': ItemEvent & { version: number };
	'item.restored': ItemEvent & { version: number };

	/** Decisions on an item: positions, the college sign-off round, council follow-up, progress, origins. */
	'position.set': DecisionEvent & { position: string };
	'signoff.recorded': DecisionEvent & { decision: string };
	/** Sign-offs stopped counting (reopened, or another college's niet akkoord): whose, on which version, why. */
	'signoff.voided': DecisionEvent & { count: number; reason: string; municipalityIds: string[]; version: number | null; note?: string };
	'council_decision.recorded': DecisionEvent & { outcome: string };
	'progress.reported': DecisionEvent & { percent: number };
	/** A candidate activity from an interview was linked to an existing item (its timeline changed). */
	'item.origin_added': DecisionEvent;

	/** Comments: the view is what a reader who may see it gets. */
	'comment.posted': { comment: CommentView };
	'comment.edited': { comment: CommentView };
	'comment.deleted': { comment: CommentView };
	'comment.resolved': { comment: CommentView };
	'comment.reopened': { comment: CommentView };
	/** An in-app notification was stored for `userId` (a mention or a reply); `unread` is their new total. */
	'notification.created': { userId: string; notification: NotificationView; unread: number };

	/** Klankbordgroep sessions: the whole new state after every change (small, and a reconnect needs no delta). */
	'meeting.planned': { meetingId: string; invitees: string[]; by: EventActor };
	'meeting.changed': { state: MeetingState };

	/** Interviews: what changed, and for the overviews which list it concerns. */
	'interview.changed': {
		interview: { id: string; visibility: string };
		change: Omit<InterviewChangedEvent, 'interviewId' | 'by'>;
		overview: InterviewsChangedEvent['kind'] | null;
		by: EventActor;
	};
	/** An interview became confidential: whoever may no longer read it must stop hearing of it. */
	'interview.restricted': { interviewId: string; seq: number; by: EventActor };

	/**
	 * The register of joint arrangements: which arrangement, which part changed (and for which municipality,
	 * when a municipality's part), its `seq` afterwards. Readers reload the arrangement.
	 */
	'collaboration.changed': { collaborationId: string; seq: number; part: RegisterPart; municipalityId: string | null; by: EventActor };

	/** Region data (a municipality's inhabitants). */
	'municipality.updated': { municipalityId: string };

	/** People and logins. */
	'user.access_changed': { userId: string };
	'user.disabled': { userId: string };
	'user.two_factor_reset': { userId: string };
	/** Someone changed how they hear of notifications by e-mail (on the account page or from a mail's link). */
	'account.notification_preferences_changed': { userId: string; kinds: string[] };
	/** One or more logins ended (logout, password changed or set, a session ended from the account page). */
	'auth.sessions_ended': { sessionIds: string[]; reason: 'logout' | 'expired' };
}

export type DomainEventName = keyof DomainEvents;

/** The parts of an arrangement a register command changes. */
export type RegisterPart =
	'created' | 'fields' | 'ended' | 'participants' | 'contributions' | 'seats' | 'moments' | 'board_meetings' | 'cover_notes' | 'comments' | 'assessments';

/** One event as it travels: its name and its data. */
export type DomainEvent = { [K in DomainEventName]: { name: K; data: DomainEvents[K] } }[DomainEventName];

/** What every event about an agenda item carries: enough for the item page and the overview. */
export interface ItemEvent {
	itemId: string;
	seq: number;
	revision: number;
	status: string;
	ambitionId: number;
	title: string;
	by: EventActor;
}

/** What every decision event carries: the item, its `seq` and status afterwards, the municipality. */
export interface DecisionEvent {
	itemId: string;
	seq: number;
	status: string;
	municipalityId: string | null;
	by: EventActor;
}

/** Makes one event; typed by name so the data must fit the map. */
export function event<K extends DomainEventName>(name: K, data: DomainEvents[K]): DomainEvent {
	return { name, data } as DomainEvent;
}

/** Who did it, as events carry it: id and name only. */
export function eventActor(actor: { userId: string; name: string } | null | undefined): EventActor {
	return actor ? { userId: actor.userId, name: actor.name } : null;
}
