import { DomainError } from '../errors';
import { ForbiddenError } from '../permissions';
import { t } from '../i18n';
import { getLocale } from '../../paraglide/runtime.js';

interface File {
	body: Uint8Array | string;
	contentType: string;
	filename: string;
}

/** A generated file as an attachment, never cached on the way (it holds what this reader may see). */
function attachment(file: File): Response {
	return new Response(file.body as BodyInit, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'private, no-store'
		}
	});
}

/** A refusal as one line of text in the reader's language (a file URL has no page around it to show it in). */
function refusal(status: number, message: string): Response {
	return new Response(`${message}\n`, {
		status,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'content-language': getLocale(), 'cache-control': 'no-store' }
	});
}

/**
 * Makes a file and sends it as an attachment. A refusal (no right to read it) becomes a 403, a domain
 * error (an unknown format) its own status, each with its message; anything else stays an error.
 */
export async function fileDownload(make: () => Promise<File>): Promise<Response> {
	try {
		return attachment(await make());
	} catch (err) {
		if (err instanceof ForbiddenError) return refusal(403, t('error_forbidden_action'));
		if (err instanceof DomainError) return refusal(err.status, t(err.key, err.params));
		throw err;
	}
}
