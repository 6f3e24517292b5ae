import type { Db } from '../../db';
import { event } from '../../bus';
import { progressReports } from '../../db/schema';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import type { Origin } from '../audit';
import { reportProgressSchema } from '../../../validation/decisions';
import { implementationStatuses } from '../../../decisions/constants';
import { changeItem, type ItemAfter } from '../agenda-items';
import { decisionEventOf } from './decision-event';

/**
 * Reports implementation progress (0-100 %) of an adopted item. The status (in uitvoering, afgerond) moves
 * through the ordinary transitions; milestones are marked done on the item itself.
 */
export async function reportProgress(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<{ percent: number }> {
	authorize(actor, 'item.edit');
	const data = parse(reportProgressSchema, input);

	await changeItem(db, actor, data.itemId, origin, async (tx, item, audit) => {
		if (!(implementationStatuses as readonly string[]).includes(item.status)) throw new DomainError('decisions_progress_not_yet', {}, {}, 409);
		await tx.insert(progressReports).values({
			itemId: data.itemId,
			percent: data.percent,
			note: data.note,
			reportedBy: actor.userId,
			reportedByName: actor.name
		});
		await audit('item.progress_reported', { percent: data.percent, note: data.note });
		const reported = (after: ItemAfter) => ({ ...decisionEventOf(after, null, actor), percent: data.percent });
		return { value: null, state: item, events: (after) => [event('progress.reported', reported(after))] };
	});
	return { percent: data.percent };
}
