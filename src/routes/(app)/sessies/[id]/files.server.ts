import { error } from '@sveltejs/kit';
import { DomainError } from '$lib/server/errors';
import { ForbiddenError } from '$lib/server/permissions';
import { t } from '$lib/i18n';

/** A download of a session's file: refused and unknown sessions become 403 and 404 pages. */
export async function fileOrError<T>(make: () => Promise<T>): Promise<T> {
	try {
		return await make();
	} catch (err) {
		if (err instanceof ForbiddenError) error(403, t('error_forbidden_action'));
		if (err instanceof DomainError) error(err.status, t(err.key));
		throw err;
	}
}

export function download(body: Uint8Array | string, type: string, filename: string): Response {
	return new Response(body as BodyInit, {
		headers: {
			'content-type': type,
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
}
