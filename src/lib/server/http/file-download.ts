import { error } from '@sveltejs/kit';
import { DomainError } from '../errors';
import { ForbiddenError } from '../permissions';
import { t } from '../../i18n';

/** A generated file as an attachment, never cached on the way (it holds what this reader may see). */
export function attachment(file: { body: Uint8Array | string; contentType: string; filename: string }): Response {
	return new Response(file.body as BodyInit, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'private, no-store'
		}
	});
}

/** Makes a file, turning a refusal into a 403 page and a domain error (an unknown format) into its status, in the reader's language. */
export async function fileOrErrorPage<T>(make: () => Promise<T>): Promise<T> {
	try {
		return await make();
	} catch (err) {
		if (err instanceof ForbiddenError) error(403, t('error_forbidden_action'));
		if (err instanceof DomainError) error(err.status, t(err.key, err.params));
		throw err;
	}
}
