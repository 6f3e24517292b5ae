import { error } from '@sveltejs/kit';
import { DomainError } from '../errors';
import { ForbiddenError } from '../permissions';
import { t } from '../i18n';
import { m } from '../../paraglide/messages.js';

/**
 * Runs a page's queries and turns a refusal into the matching error page (403, or the DomainError's status, e.g.
 * 404 for an interview one may not see) instead of a server error: a page load runs beside the layout's check,
 * not after it.
 */
export async function guarded<T>(run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (err) {
		if (err instanceof ForbiddenError) error(403, m.error_forbidden());
		if (err instanceof DomainError) error(err.status, t(err.key, err.params));
		throw err;
	}
}
