import { ZodError } from 'zod';
import type { Ack } from '../../realtime/events';
import { collabAwarenessSchema, collabDocSchema, collabSyncSchema, type RichTextField } from '../../validation/collab';
import { ForbiddenError } from '../permissions';
import { authorizeOpen, CollabFailure, loadCollaborator } from '../modules/collaboration';
import type { Db } from '../db';
import { Answered, refusal, socketHandler } from './ack';
import { originOf, type Io, type Sock } from './socket-types';
import { CollabHub, type CollabOptions, type CollabSession, type LiveDocument } from './yjs-documents';
import { ForbiddenText, MalformedMessage } from './yjs-protocol';
import { logError } from '../error-log';
import { unavailableCode } from '../db/unavailable';

/**
 * Socket handlers of co-editing: parse (zod) → find the caller's session → hand over to the live document,
 * which authorises, stores and broadcasts. Thin on purpose; the rules are in modules/collaboration.
 */

/** A connection's grants are looked at again when they are older than this (roles can change mid-session). */
const RECHECK_MS = 30_000;

/** Creates the hub of live documents for this io and returns the per-connection wiring. */
export function setupCollaboration(
	io: Io,
	db: Db,
	options: Partial<CollabOptions> = {}
): {
	hub: CollabHub;
	attach: (socket: Sock) => void;
} {
	const hub = new CollabHub(db, io, options).register();
	const sessionsOf = new WeakMap<Sock, Set<LiveDocument>>();
	const checkedAt = new WeakMap<CollabSession, number>();

	/** The caller's session in a document it joined, with fresh grants. */
	async function sessionFor(socket: Sock, itemId: string, field: RichTextField) {
		const live = hub.get(itemId, field);
		const session = live?.sessions.get(socket.id);
		if (!live || !session) throw new CollabFailure('collab_error_not_joined');
		if (Date.now() - (checkedAt.get(session) ?? 0) > RECHECK_MS) {
			const who = await loadCollaborator(db, socket.data.userId);
			if (!who) throw new CollabFailure('collab_error_forbidden');
			const { canEdit } = await authorizeOpen(db, who.actor, itemId, field);
			Object.assign(session, { actor: who.actor, user: who.user, canEdit });
			checkedAt.set(session, Date.now());
		}
		return { live, session };
	}

	function attach(socket: Sock): void {
		const on = socketHandler(socket.data.locale, refusalFor);
		const joined = new Set<LiveDocument>();
		sessionsOf.set(socket, joined);

		socket.on(
			'collab:join',
			on(async (payload) => {
				const { itemId, field } = collabDocSchema.parse(payload);
				const who = await loadCollaborator(db, socket.data.userId);
				if (!who) throw new CollabFailure('collab_error_forbidden');
				const { canEdit } = await authorizeOpen(db, who.actor, itemId, field);
				let live = await hub.open(itemId, field);
				while (live.unloading) live = await hub.open(itemId, field);
				const session: CollabSession = {
					socket,
					actor: who.actor,
					user: who.user,
					origin: originOf(socket),
					canEdit,
					clientIds: live.sessions.get(socket.id)?.clientIds ?? new Set()
				};
				checkedAt.set(session, Date.now());
				await live.join(session);
				joined.add(live);
				// The greeting goes after the acknowledgement, so the client knows its rights before the first sync message.
				return new Answered({ ok: true, data: { canEdit, user: who.user } }, () => live.greet(session));
			})
		);

		socket.on(
			'collab:leave',
			on(async (payload) => {
				const { itemId, field } = collabDocSchema.parse(payload);
				const live = hub.get(itemId, field);
				if (live) {
					live.leave(socket);
					joined.delete(live);
				}
				return undefined;
			})
		);

		socket.on(
			'collab:sync',
			on(async (payload) => {
				const { itemId, field, message } = collabSyncSchema.parse(payload);
				const { live, session } = await sessionFor(socket, itemId, field);
				return new Answered(await live.receive(session, message));
			})
		);

		socket.on(
			'collab:awareness',
			on(async (payload) => {
				const { itemId, field, update } = collabAwarenessSchema.parse(payload);
				const { live, session } = await sessionFor(socket, itemId, field);
				live.receiveAwareness(session, update);
				return undefined;
			})
		);

		socket.on('disconnect', () => {
			for (const live of joined) live.leave(socket);
			joined.clear();
		});
	}

	return { hub, attach };
}

/** The co-editing protocol's own refusals. */
function refusalFor(err: unknown, locale: string): Ack<never> {
	if (err instanceof ZodError) {
		const tooLarge = err.issues.some((i) => i.message === 'collab_error_too_large');
		return refusal(tooLarge ? 'collab_error_too_large' : 'collab_error_malformed', locale);
	}
	if (err instanceof MalformedMessage) return refusal('collab_error_malformed', locale);
	if (err instanceof ForbiddenText) return refusal('collab_error_characters', locale);
	if (err instanceof CollabFailure) return refusal(err.code, locale);
	if (err instanceof ForbiddenError) return refusal('collab_error_forbidden', locale);
	// The database briefly out of reach is no fault of ours: one plain line, and the client tries again as after any refusal.
	const code = unavailableCode(err);
	if (code) console.error(`database unavailable (${code}): collab`);
	else logError(err, 'collab');
	return refusal('collab_error_server', locale);
}
