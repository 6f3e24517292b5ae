import { subscribe, type DecisionEvent, type DomainEventName, type DomainEvents, type ItemEvent, type RegisterPart } from '../bus';
import type { AgendaItemEvent, DecisionsChangedEvent, ItemChangedEvent, ServerToClientEvents } from '../../realtime/events';
import type { Db } from '../db';
import * as users from '../modules/users';
import { commentRoomFor, interviewOverviewRoom, interviewRoom, mayStayIn } from './rooms';
import type { Io } from './socket-types';

type Emit = (event: string, ...args: unknown[]) => boolean;

/** The parts of an arrangement the register's calendar (and so the start page's decision moments) shows. */
const calendarParts: readonly RegisterPart[] = ['fields', 'ended', 'moments', 'board_meetings'];

/**
 * What the live pages hear of each domain event: the socket rooms are named here (and in rooms.ts) and
 * nowhere else. Returns the way to unsubscribe.
 */
export function subscribeRealtime(io: Io, db: Db): () => void {
	const subscriptions: (() => void)[] = [];
	const to = <E extends keyof ServerToClientEvents>(room: string, event: E, ...payload: Parameters<ServerToClientEvents[E]>): void =>
		void (io.to(room).emit as unknown as Emit)(event, ...payload);
	const on = <K extends DomainEventName>(name: K, handler: (data: DomainEvents[K]) => void | Promise<void>) =>
		void subscriptions.push(subscribe(name, 'realtime', handler));

	const item =
		(kind: ItemChangedEvent['kind'], extra: (e: never) => Partial<ItemChangedEvent> = () => ({})) =>
		(e: ItemEvent) => {
			to(`item:${e.itemId}`, 'item:changed', { itemId: e.itemId, seq: e.seq, revision: e.revision, status: e.status, kind, by: e.by, ...extra(e as never) });
			const summary: AgendaItemEvent = { itemId: e.itemId, ambitionId: e.ambitionId, title: e.title, status: e.status, kind, by: e.by };
			to('agenda', 'agenda:item', summary);
		};
	on('item.created', item('created'));
	on(
		'item.fields_changed',
		item('fields', (e: { fields: string[] }) => ({ fields: e.fields }))
	);
	on(
		'item.status_changed',
		item('status', (e: { version?: number }) => (e.version === undefined ? {} : { version: e.version }))
	);
	on(
		'item.version_captured',
		item('version', (e: { version: number }) => ({ version: e.version }))
	);
	on(
		'item.restored',
		item('restored', (e: { version: number }) => ({ version: e.version }))
	);

	const decision =
		<E extends DecisionEvent>(kind: DecisionsChangedEvent['kind'], value: (e: E) => string | undefined) =>
		(e: E) => {
			const payload: DecisionsChangedEvent = { itemId: e.itemId, seq: e.seq, kind, municipalityId: e.municipalityId, status: e.status, by: e.by };
			const v = value(e);
			if (v !== undefined) payload.value = v;
			to(`item:${e.itemId}`, 'decisions:changed', payload);
			to('agenda', 'decisions:changed', payload);
			if (e.municipalityId) to(`municipality:${e.municipalityId}`, 'decisions:changed', payload);
		};
	on(
		'position.set',
		decision('position', (e) => e.position)
	);
	on(
		'signoff.recorded',
		decision('signoff', (e) => e.decision)
	);
	on(
		'council_decision.recorded',
		decision('council', (e) => e.outcome)
	);
	on(
		'progress.reported',
		decision('progress', (e) => String(e.percent))
	);
	on(
		'item.origin_added',
		decision('origin', () => undefined)
	);

	for (const change of ['posted', 'edited', 'deleted', 'resolved', 'reopened'] as const) {
		const kind = change === 'posted' ? 'created' : change;
		on(`comment.${change}`, ({ comment }) => {
			to(commentRoomFor(comment), 'comment:changed', { change: kind, comment });
			if (change !== 'posted') return;
			// No text: shared comments go to the overviews; internal ones only to the members of the municipality.
			const activity = { itemId: comment.itemId, commentId: comment.id, authorId: comment.author.id };
			if (comment.visibility === 'shared') to('agenda', 'comments:activity', activity);
			else if (comment.municipalityId) io.to(`members:${comment.municipalityId}`).except(`user:${comment.author.id}`).emit('comments:activity', activity);
		});
	}
	// What awaits whom follows from these; the clients recount their own (the event carries nothing but the item).
	for (const name of ['item.status_changed', 'position.set', 'signoff.recorded', 'signoff.voided', 'council_decision.recorded'] as const) {
		subscriptions.push(subscribe(name, 'realtime-work', (e) => void to('region', 'work:changed', { itemId: e.itemId })));
	}
	// The start page's overview counts items, decisions and progress and lists what comes next; open start pages
	// reload it. Not on a live session's every move: while it runs, nothing the overview shows of it changes.
	const overview = () => void to('region', 'overview:changed', {});
	const overviewChanges = [
		'item.created',
		'item.fields_changed',
		'item.status_changed',
		'item.restored',
		'position.set',
		'signoff.recorded',
		'signoff.voided',
		'council_decision.recorded',
		'progress.reported',
		'meeting.planned'
	] as const;
	for (const name of overviewChanges) subscriptions.push(subscribe(name, 'realtime-overview', overview));
	subscriptions.push(subscribe('meeting.changed', 'realtime-overview', ({ state }) => void (state.status !== 'live' && overview())));
	subscriptions.push(subscribe('collaboration.changed', 'realtime-overview', ({ part }) => void (calendarParts.includes(part) && overview())));
	on('notification.created', (e) => to(`user:${e.userId}`, 'notification:new', { notification: e.notification, unread: e.unread }));

	on('meeting.changed', ({ state }) => to(`meeting:${state.meetingId}`, 'meeting:state', { ...state, serverNow: new Date().toISOString() }));

	on('municipality.updated', (e) => to('region', 'region:changed', { municipalityId: e.municipalityId }));

	on('interview.changed', ({ interview, change, overview, by }) => {
		to(interviewRoom(interview.id), 'interview:changed', { interviewId: interview.id, by, ...change });
		if (overview) to(interviewOverviewRoom(interview.visibility), 'interviews:changed', { interviewId: interview.id, kind: overview, by });
	});
	on('interview.restricted', async ({ interviewId, seq, by }) => {
		to('interviews', 'interviews:changed', { interviewId, kind: 'removed', by });
		await revokeReaders(io, db, interviewId, seq);
	});
	return () => subscriptions.forEach((unsubscribe) => unsubscribe());
}

/** Every socket in an interview's room whose person may no longer read it is told so and taken out first. */
async function revokeReaders(io: Io, db: Db, interviewId: string, seq: number): Promise<void> {
	const room = interviewRoom(interviewId);
	for (const socket of await io.in(room).fetchSockets()) {
		const reader = await users.loadActor(db, { id: socket.data.userId, name: socket.data.userName });
		if (await mayStayIn(db, reader, room, socket)) continue;
		socket.leave(room);
		socket.emit('interview:changed', { interviewId, seq, kind: 'revoked', by: null });
	}
}
