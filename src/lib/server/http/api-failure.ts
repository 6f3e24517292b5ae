import { json } from '@sveltejs/kit';
import { DomainError } from '../errors';
import { ForbiddenError } from '../permissions';
import { t, translateFields } from '../../i18n';

/** A refused API request as JSON: `{ code, message, errors }` with the matching status; rethrows anything else. */
export function apiFailure(err: unknown): Response {
	if (err instanceof ForbiddenError) {
		return json({ code: 'forbidden', message: t('error_forbidden_action'), errors: {} }, { status: 403 });
	}
	if (err instanceof DomainError) {
		return json({ code: err.key, message: t(err.key, err.params), errors: translateFields(err.fields) }, { status: err.status });
	}
	throw err;
}
