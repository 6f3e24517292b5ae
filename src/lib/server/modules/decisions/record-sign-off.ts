import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { signOffs } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { requireFreshTwoFactor } from '../../auth/two-factor-step-up';
import type { AuthSession } from '../../auth/auth-session';
import { record, type Origin } from '../audit';
import { recordSignOffSchema, todayInNl } from '../../../validation/decisions';
import type { ItemStatus } from '../../../agenda/constants';
import { changeStatus } from '../agenda-items';
import { loadItemState, nextSeq } from '../agenda-items';
import { publishItemChange } from '../agenda-items/events';
import { publishDecisionChange } from './publish';
import { frozenVersion } from './frozen-version';
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

	let out;
	try {
		out = await db.transaction(async (tx) => {
			const item = await loadItemState(tx, data.itemId, { lock: true });
			if (item.status !== 'gereed_voor_besluitvorming') throw new DomainError('decisions_signoff_not_open', {}, {}, 409);
			if (!item.participants.some((p) => p.municipalityId === data.municipalityId))
				throw new DomainError('decisions_signoff_not_participant', {}, {}, 403);
			const frozen = await frozenVersion(tx, data.itemId);
			if (!frozen || frozen.number !== data.versionNumber || frozen.contentHash !== data.contentHash)
				throw new DomainError(
					'decisions_signoff_version_moved_on',
					{ seen: data.versionNumber, current: frozen?.number ?? 0 },
					{},
					409
				);
			const valid = await tx
				.select()
				.from(signOffs)
				.where(and(eq(signOffs.itemId, data.itemId), eq(signOffs.versionId, frozen.id), isNull(signOffs.voidedAt)));
			const mine = valid.find((s) => s.municipalityId === data.municipalityId);
			if (mine) throw new DomainError('decisions_signoff_already_recorded', { name: mine.signedByName }, {}, 409);

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
			await record(tx, {
				actor,
				action: 'signoff.record',
				objectType: 'agenda_item',
				objectId: data.itemId,
				origin,
				details: {
					signOffId: row.id,
					municipalityId: data.municipalityId,
					decision: data.decision,
					withdrawn: data.withdraw,
					version: frozen.number,
					versionHash: frozen.contentHash,
					kenmerk: data.kenmerk,
					meetingDate: data.meetingDate
				}
			});

			// What the round says now.
			if (data.decision === 'niet_akkoord' && !data.withdraw) {
				const voided = await voidSignOffs(tx, data.itemId, actor, 'niet_akkoord', origin, row.id);
				const change = await changeStatus(tx, item, 'in_bespreking', actor, origin, {
					cause: 'niet_akkoord',
					municipalityId: data.municipalityId,
					voidedSignOffs: voided
				});
				return { row, item: change.state, seq: change.seq, statusChanged: true, version: change.version.number };
			}
			const all = [...valid, row];
			const withdrawn = new Set(all.filter((s) => s.withdrawn).map((s) => s.municipalityId));
			const remaining = item.participants.map((p) => p.municipalityId).filter((m) => !withdrawn.has(m));
			const agreed = new Set(all.filter((s) => s.decision !== 'niet_akkoord').map((s) => s.municipalityId));
			const to: ItemStatus | null =
				remaining.length === 0 ? 'afgewezen' : remaining.every((m) => agreed.has(m)) ? 'vastgesteld' : null;
			if (to) {
				const change = await changeStatus(tx, item, to, actor, origin, {
					cause: 'signoff_round',
					signedVersion: frozen.number,
					signedVersionHash: frozen.contentHash
				});
				return { row, item: change.state, seq: change.seq, statusChanged: true, version: change.version.number };
			}
			const seq = await nextSeq(tx, data.itemId);
			return { row, item, seq, statusChanged: false, version: 0 };
		});
	} catch (err) {
		// Another college member of the same municipality signed first.
		if (isUniqueViolation(err)) throw new DomainError('decisions_signoff_already_recorded', { name: '' }, {}, 409);
		throw err;
	}

	publishDecisionChange(
		{ itemId: data.itemId, seq: out.seq, kind: 'signoff', municipalityId: data.municipalityId, value: data.decision, status: out.item.status },
		actor
	);
	if (out.statusChanged) publishItemChange(out.item, out.seq, 'status', actor, { version: out.version });
	return { id: out.row.id, status: out.item.status, versionNumber: out.row.versionNumber };
}
