import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../db';
import { event } from '../../bus';
import { agendaItems, signOffs } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { requireFreshTwoFactor } from '../../auth/two-factor-step-up';
import type { AuthSession } from '../../auth/auth-session';
import type { Origin } from '../audit';
import { recordSignOffSchema, todayInNl } from '../../../validation/decisions';
import type { ItemStatus } from '../../../agenda/constants';
import {
	changeItem,
	changeStatus,
	signOffsVoidedEvent,
	statusEvent,
	type ItemAfter,
	type ItemState,
	type StatusChange,
	type VoidedSignOff
} from '../agenda-items';
import { decisionEventOf } from './decision-event';
import { frozenVersion, type FrozenVersion } from './frozen-version';
import { voidSignOffs } from './void-sign-offs';
import { isUniqueViolation } from '../../db/pg-errors';

export interface SignOffResult {
	id: string;
	/** The item's status afterwards: vastgesteld when this was the last agreement, in_bespreking after niet akkoord. */
	status: ItemStatus;
	versionNumber: number;
}

/**
 * A college member records the college's decision for their own municipality, on exactly the version
 * they saw (number and hash). Needs a second factor confirmed within the last minutes. When every
 * participating municipality that did not withdraw has agreed on this version, the item becomes
 * vastgesteld; a niet akkoord (without withdrawal) ends the round and sends the item back to in bespreking.
 */
export async function recordSignOff(
	db: Db,
	actor: Actor | null,
	session: AuthSession | null,
	input: unknown,
	origin: Origin,
	now = new Date()
): Promise<SignOffResult> {
	const data = parse(recordSignOffSchema(todayInNl(now)), input);
	authorize(actor, 'signoff.record', { municipalityId: data.municipalityId });
	if (!session) throw new DomainError('auth_step_up_required', { minutes: 10 }, {}, 403);
	requireFreshTwoFactor(session, now);

	try {
		const { value } = await changeItem(db, actor, data.itemId, origin, async (tx, item, audit) => {
			const frozen = await openRound(tx, item, data);
			const valid = await tx
				.select()
				.from(signOffs)
				.where(and(eq(signOffs.itemId, data.itemId), eq(signOffs.versionId, frozen.id), isNull(signOffs.voidedAt)));
			const mine = valid.find((s) => s.municipalityId === data.municipalityId);
			if (mine) return { unchanged: true, value: alreadySigned(mine, data, actor) };
			const row = await insertSignOff(tx, data, frozen, actor, now);
			await audit('signoff.recorded', {
				signOffId: row.id,
				municipalityId: data.municipalityId,
				decision: data.decision,
				withdrawn: data.withdraw,
				version: frozen.number,
				versionHash: frozen.contentHash,
				kenmerk: data.kenmerk,
				meetingDate: data.meetingDate
			});
			const change = await roundOutcome(tx, item, data, frozen, [...valid, row], actor, origin);
			const state = change?.state ?? item;
			const recorded = (after: ItemAfter) => ({ ...decisionEventOf(after, data.municipalityId, actor), decision: data.decision });
			const events = (after: ItemAfter) => [
				event('signoff.recorded', recorded(after)),
				...(change?.voided.length ? [signOffsVoidedEvent(after, change.voided, 'niet_akkoord', actor)] : []),
				...(change ? [statusEvent(after, item.status, actor, change.version.number)] : [])
			];
			return { value: { id: row.id, status: state.status, versionNumber: row.versionNumber }, state, events };
		});
		return value;
	} catch (err) {
		// Someone of the same municipality signed at the same moment: tell who, or that it was oneself.
		if (isUniqueViolation(err)) return await signedMeanwhile(db, data, actor!);
		throw err;
	}
}

/**
 * A valid sign-off of this municipality already exists. The same member's repeated submit of the same decision
 * is an idempotent success (a double click is no error); anything else names who signed.
 */
function alreadySigned(mine: SignOffRow, data: SignOffInput, actor: Actor): SignOffResult {
	if (mine.signedBy === actor.userId) {
		if (mine.decision === data.decision && mine.withdrawn === data.withdraw)
			return { id: mine.id, status: 'gereed_voor_besluitvorming', versionNumber: mine.versionNumber };
		throw new DomainError('decisions_signoff_already_signed_self', { number: mine.versionNumber }, {}, 409);
	}
	throw new DomainError('decisions_signoff_already_recorded', { name: mine.signedByName }, {}, 409);
}

/** After a unique violation (a concurrent sign-off won): reads the winner and answers as `alreadySigned` does. */
async function signedMeanwhile(db: Db, data: SignOffInput, actor: Actor): Promise<SignOffResult> {
	const [winner] = await db
		.select()
		.from(signOffs)
		.where(and(eq(signOffs.itemId, data.itemId), eq(signOffs.municipalityId, data.municipalityId), isNull(signOffs.voidedAt)));
	if (!winner) throw new DomainError('decisions_signoff_already_recorded', { name: '' }, {}, 409);
	const result = alreadySigned(winner, data, actor);
	const [item] = await db.select({ status: agendaItems.status }).from(agendaItems).where(eq(agendaItems.id, data.itemId));
	return { ...result, status: (item?.status ?? result.status) as ItemStatus };
}

type SignOffInput = z.output<ReturnType<typeof recordSignOffSchema>>;
type SignOffRow = typeof signOffs.$inferSelect;

/** The round must be open, the municipality must take part, and the version must be the one the member saw. */
async function openRound(tx: Tx, item: ItemState, data: SignOffInput): Promise<FrozenVersion> {
	if (item.status !== 'gereed_voor_besluitvorming') throw new DomainError('decisions_signoff_not_open', {}, {}, 409);
	if (!item.participants.some((p) => p.municipalityId === data.municipalityId)) throw new DomainError('decisions_signoff_not_participant', {}, {}, 403);
	const frozen = await frozenVersion(tx, data.itemId);
	if (!frozen) throw new DomainError('decisions_signoff_not_open', {}, {}, 409);
	// A different number means the member looked at another version; the same number with another hash means
	// the submitted hash itself is wrong (the version did not change): two different things to tell.
	if (frozen.number !== data.versionNumber)
		throw new DomainError('decisions_signoff_version_moved_on', { seen: data.versionNumber, current: frozen.number }, {}, 409);
	if (frozen.contentHash !== data.contentHash) throw new DomainError('decisions_signoff_hash_mismatch', { number: frozen.number }, {}, 409);
	return frozen;
}

async function insertSignOff(tx: Tx, data: SignOffInput, frozen: FrozenVersion, actor: Actor, now: Date): Promise<SignOffRow> {
	const [row] = await tx
		.insert(signOffs)
		.values({
			itemId: data.itemId,
			municipalityId: data.municipalityId,
			versionId: frozen.id,
			versionNumber: frozen.number,
			contentHash: frozen.contentHash,
			decision: data.decision,
			conditions: data.decision === 'akkoord_onder_voorwaarden' ? data.conditions : [],
			reasons: data.reasons,
			withdrawn: data.withdraw,
			meetingDate: data.meetingDate,
			kenmerk: data.kenmerk,
			documentUrl: data.documentUrl,
			signedBy: actor.userId,
			signedByName: actor.name,
			signedAt: now
		})
		.returning();
	return row;
}

/**
 * What the round says now: a niet akkoord (without withdrawal) voids the others and sends the item back to
 * in bespreking; agreement of every remaining participant makes it vastgesteld; no one remaining, afgewezen.
 * Null while the round goes on.
 */
async function roundOutcome(
	tx: Tx,
	item: ItemState,
	data: SignOffInput,
	frozen: FrozenVersion,
	all: SignOffRow[],
	actor: Actor,
	origin: Origin
): Promise<(StatusChange & { voided: VoidedSignOff[] }) | null> {
	const row = all[all.length - 1];
	if (data.decision === 'niet_akkoord' && !data.withdraw) {
		const voided = await voidSignOffs(tx, data.itemId, actor, 'niet_akkoord', origin, row.id);
		const details = { cause: 'niet_akkoord', municipalityId: data.municipalityId, voidedSignOffs: voided.length };
		return { ...(await changeStatus(tx, item, 'in_bespreking', actor, origin, details)), voided };
	}
	const withdrawn = new Set(all.filter((s) => s.withdrawn).map((s) => s.municipalityId));
	const remaining = item.participants.map((p) => p.municipalityId).filter((m) => !withdrawn.has(m));
	const agreed = new Set(all.filter((s) => s.decision !== 'niet_akkoord').map((s) => s.municipalityId));
	const to: ItemStatus | null = remaining.length === 0 ? 'afgewezen' : remaining.every((m) => agreed.has(m)) ? 'vastgesteld' : null;
	if (!to) return null;
	const details = { cause: 'signoff_round', signedVersion: frozen.number, signedVersionHash: frozen.contentHash };
	return { ...(await changeStatus(tx, item, to, actor, origin, details)), voided: [] };
}
