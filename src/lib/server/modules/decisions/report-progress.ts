import type { Db } from '../../db';
import { progressReports } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { record, type Origin } from '../audit';
import { reportProgressSchema } from '../../../validation/decisions';
import { implementationStatuses } from '../../../decisions/constants';
import { loadItemState, nextSeq } from '../agenda-items';
import { publishDecisionChange } from './publish';

/**
 * Reports implementation progress (0-100 %) of an adopted item. The status (in uitvoering, afgerond) moves
 * through the ordinary transitions; milestones are marked done on the item itself.
 */
export async function reportProgress(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ percent: number }> {
	authorize(actor, 'item.edit');
	const data = parse(reportProgressSchema, input);

	const out = await db.transaction(async (tx) => {
		const item = await loadItemState(tx, data.itemId, { lock: true });
		if (!(implementationStatuses as readonly string[]).includes(item.status)) throw new DomainError('decisions_progress_not_yet', {}, {}, 409);
		await tx.insert(progressReports).values({
			itemId: data.itemId,
			percent: data.percent,
			note: data.note,
			reportedBy: actor.userId,
			reportedByName: actor.name
		});
		const seq = await nextSeq(tx, data.itemId);
		await record(tx, {
			actor,
			action: 'item.progress',
			objectType: 'agenda_item',
			objectId: data.itemId,
			origin,
			details: { percent: data.percent, note: data.note }
		});
		return { seq, status: item.status };
	});

	publishDecisionChange({ itemId: data.itemId, seq: out.seq, kind: 'progress', municipalityId: null, value: String(data.percent), status: out.status }, actor);
	return { percent: data.percent };
}
