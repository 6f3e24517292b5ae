import { json } from '@sveltejs/kit';
import { DomainError } from '../errors';
import { ForbiddenError } from '../permissions';
import { t, translateFields } from '../i18n';
import { isDatabaseUnavailable } from '../db/unavailable';

/**
 * A refused API request as JSON: `{ code, message, errors }` with the matching status (503 while the database is
 * out of reach); rethrows anything else.
 */
export function apiFailure(err: unknown): Response {
	if (err instanceof ForbiddenError) {
		return json({ code: 'forbidden', message: t('error_forbidden_action'), errors: {} }, { status: 403 });
	}
	if (err instanceof DomainError) {
		return json({ code: err.key, message: t(err.key, err.params), errors: translateFields(err.fields) }, { status: err.status });
	}
	if (isDatabaseUnavailable(err)) {
		const code = 'error_database_unavailable';
		return json({ code, message: t(code), errors: {} }, { status: 503, headers: { 'retry-after': '5' } });
	}
	throw err;
}
