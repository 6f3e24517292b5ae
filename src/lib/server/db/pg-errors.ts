/**
 * PostgreSQL error codes, wherever the driver put them: postgres.js and PGlite set `code` on their error,
 * drizzle wraps it as `cause`.
 */
function pgErrorCode(err: unknown): string | undefined {
	for (let e = err as { code?: unknown; cause?: unknown } | undefined; e && typeof e === 'object'; e = e.cause as typeof e) {
		if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
	}
	return undefined;
}

/** unique_violation: someone else inserted the same key first. */
export const isUniqueViolation = (err: unknown): boolean => pgErrorCode(err) === '23505';

/** foreign_key_violation: the row refers to something that does not (or no longer) exist. */
export const isForeignKeyViolation = (err: unknown): boolean => pgErrorCode(err) === '23503';
