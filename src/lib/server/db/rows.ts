/** `execute` answers with an array (postgres.js) or with `{ rows }` (PGlite): the rows either way. */
export function rowsOf<T>(result: unknown): T[] {
	return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
