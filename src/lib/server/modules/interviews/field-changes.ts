/**
 * Which of `fields` a correction changes (compared as JSON, so dates and lists compare by value), the new values to
 * store and the old ones for the audit trail. Shared by the interview's and a candidate's corrections.
 */
export function fieldChanges<F extends string, B extends Record<F, unknown>, A extends Record<F, unknown>>(
	before: B,
	after: A,
	fields: readonly F[]
): { changed: F[]; values: { [K in F]?: A[K] }; from: { [K in F]?: B[K] } } {
	const changed = fields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
	const pick = <R extends Record<F, unknown>>(row: R) => Object.fromEntries(changed.map((f) => [f, row[f]])) as { [K in F]?: R[K] };
	return { changed, values: pick(after), from: pick(before) };
}
