import type { Db } from '../../db';
import { councilDecisions } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import { recordCouncilDecisionSchema, todayInNl } from '../../../validation/decisions';
import { councilStatuses } from '../../../decisions/constants';
import { loadItemState, nextSeq } from '../agenda-items';
import { publishDecisionChange } from './publish';

/** The griffie records what its council did with an item (after the sign-off round); every record is kept. */
export async function recordCouncilDecision(db: Db, actor: Actor | null, input: unknown, origin: Origin, now = new Date()): Promise<{ id: string }> {
	const data = parse(recordCouncilDecisionSchema(todayInNl(now)), input);
	authorize(actor, 'council.record', { municipalityId: data.municipalityId });

	const out = await db.transaction(async (tx) => {
		const item = await loadItemState(tx, data.itemId, { lock: true });
		if (!(councilStatuses as readonly string[]).includes(item.status)) throw new DomainError('decisions_council_not_yet', {}, {}, 409);
		const [row] = await tx
			.insert(councilDecisions)
			.values({
				itemId: data.itemId,
				municipalityId: data.municipalityId,
				meetingDate: data.meetingDate,
				outcome: data.outcome,
				wensenEnBedenkingen: data.wensenEnBedenkingen,
				kenmerk: data.kenmerk,
				recordedBy: actor.userId,
				recordedByName: actor.name,
				recordedAt: now
			})
			.returning({ id: councilDecisions.id });
		const seq = await nextSeq(tx, data.itemId);
		await record(tx, {
			actor,
			action: 'council.record',
			objectType: 'agenda_item',
			objectId: data.itemId,
			origin,
			details: { councilDecisionId: row.id, municipalityId: data.municipalityId, outcome: data.outcome, meetingDate: data.meetingDate, kenmerk: data.kenmerk }
		});
		return { id: row.id, seq, status: item.status };
	});

	publishDecisionChange(
		{ itemId: data.itemId, seq: out.seq, kind: 'council', municipalityId: data.municipalityId, value: data.outcome, status: out.status },
		actor
	);
	return { id: out.id };
}
