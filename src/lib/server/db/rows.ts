/** `execute` answers with an array (postgres.js) or with `{ rows }` (PGlite): the rows either way. */
export function rowsOf<T>(result: unknown): T[] {
	return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

/**
 * Rows grouped by their item, in their order: built once, so a list of items finds each item's rows without
 * searching the whole result per item (which grew with the square of the agenda).
 */
export function groupByItem<T extends { itemId: string }>(rows: T[]): Map<string, T[]> {
	const byItem = new Map<string, T[]>();
	for (const row of rows) {
		const list = byItem.get(row.itemId);
		if (list) list.push(row);
		else byItem.set(row.itemId, [row]);
	}
	return byItem;
}
