import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { commentSequences } from '../../db/schema';

/**
 * Takes the next comment sequence number of an item, inside the caller's transaction. The counter row stays
 * locked until commit, so the comment changes of one item commit in sequence order.
 */
export async function nextCommentSeq(tx: Queryable, itemId: string): Promise<number> {
	const [row] = await tx
		.insert(commentSequences)
		.values({ itemId, seq: 1 })
		.onConflictDoUpdate({ target: commentSequences.itemId, set: { seq: sql`${commentSequences.seq} + 1` } })
		.returning({ seq: commentSequences.seq });
	return row.seq;
}

export async function currentCommentSeq(q: Queryable, itemId: string): Promise<number> {
	const rows = await q
		.select({ seq: commentSequences.seq })
		.from(commentSequences)
		.where(sql`${commentSequences.itemId} = ${itemId}`);
	return rows[0]?.seq ?? 0;
}
