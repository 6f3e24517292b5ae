import { error } from '@sveltejs/kit';
import { DomainError } from '$lib/server/errors';
import { ForbiddenError } from '$lib/server/permissions';
import { t } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';

/** Runs a page's queries and turns a refusal into its error page (403, or 404 for an interview one may not see). */
export async function guarded<T>(run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (err) {
		if (err instanceof ForbiddenError) error(403, m.error_forbidden());
		if (err instanceof DomainError) error(err.status, t(err.key, err.params));
		throw err;
	}
}
