import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { rowsOf } from '../../db/rows';

/**
 * A stamp that changes whenever anything the public sees may have changed, for `ETag`s and caches keyed by it.
 * Every write to an item (fields, status, versions, positions, decisions, progress, publication) goes through
 * its command path, which bumps the item's `seq`; every change of a session bumps the session's `seq`; a
 * municipality's inhabitants change the cost split. One cheap statement, the same on every app node.
 */
export async function publicStamp(q: Queryable): Promise<string> {
	const [row] = rowsOf<{ items: string; meetings: string; region: string }>(
		await q.execute(
			sql`select
			(select coalesce(sum(seq), 0) || '.' || count(*) from agenda_items) as items,
			(select coalesce(sum(seq), 0) || '.' || count(*) from meetings) as meetings,
			(select coalesce(max(extract(epoch from updated_at)), 0) from municipalities) as region`
		)
	);
	return `${row.items}-${row.meetings}-${row.region}`;
}
