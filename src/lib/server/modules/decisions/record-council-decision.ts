import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { Db, Queryable } from '../../db';
import { event } from '../../bus';
import { councilDecisions, signOffs } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { recordCouncilDecisionSchema, todayInNl } from '../../../validation/decisions';
import { councilStatuses } from '../../../decisions/constants';
import { changeItem, type ItemAfter } from '../agenda-items';
import { decisionEventOf } from './decision-event';

/** The griffie records what its council did with an item (after the sign-off round); every record is kept. */
export async function recordCouncilDecision(db: Db, actor: Actor | null, input: unknown, origin: Origin, now = new Date()): Promise<{ id: string }> {
	const data = parse(recordCouncilDecisionSchema(todayInNl(now)), input);
	authorize(actor, 'council.record', { municipalityId: data.municipalityId });

	const { value: id } = await changeItem(db, actor, data.itemId, origin, async (tx, item, audit) => {
		if (!(councilStatuses as readonly string[]).includes(item.status)) throw new DomainError('decisions_council_not_yet', {}, {}, 409);
		// Only a council whose municipality takes part decides on the item.
		if (!item.participants.some((p) => p.municipalityId === data.municipalityId)) throw new DomainError('decisions_council_not_participant', {}, {}, 403);
		const adopted = await adoptedVersion(tx, data.itemId);
		const [row] = await tx
			.insert(councilDecisions)
			.values({
				itemId: data.itemId,
				municipalityId: data.municipalityId,
				meetingDate: data.meetingDate,
				outcome: data.outcome,
				wensenEnBedenkingen: data.wensenEnBedenkingen,
				kenmerk: data.kenmerk,
				versionNumber: adopted?.number ?? null,
				recordedBy: actor.userId,
				recordedByName: actor.name,
				recordedAt: now
			})
			.returning({ id: councilDecisions.id });
		await audit('council_decision.recorded', {
			councilDecisionId: row.id,
			municipalityId: data.municipalityId,
			outcome: data.outcome,
			meetingDate: data.meetingDate,
			kenmerk: data.kenmerk,
			version: adopted?.number ?? null
		});
		const recorded = (after: ItemAfter) => ({ ...decisionEventOf(after, data.municipalityId, actor), outcome: data.outcome });
		return { value: row.id, state: item, events: (after) => [event('council_decision.recorded', recorded(after))] };
	});
	return { id };
}

/** The version the colleges agreed on: that of the newest valid agreeing sign-off (as the item page shows it). */
async function adoptedVersion(q: Queryable, itemId: string): Promise<{ number: number } | null> {
	const [row] = await q
		.select({ number: signOffs.versionNumber })
		.from(signOffs)
		.where(and(eq(signOffs.itemId, itemId), isNull(signOffs.voidedAt), ne(signOffs.decision, 'niet_akkoord')))
		.orderBy(desc(signOffs.signedAt))
		.limit(1);
	return row ?? null;
}
