import { error } from '@sveltejs/kit';
import * as documents from '$lib/server/modules/documents';
import { DomainError } from '$lib/server/errors';
import { ForbiddenError } from '$lib/server/permissions';
import { getLocale } from '$lib/paraglide/runtime';
import { t } from '$lib/i18n';

/** The item as a raadsinformatiebrief for one participating municipality: ?gemeente=leiden&formaat=pdf|docx (item.read). */
export const GET = async ({ locals, params, url }) => {
	let file: documents.BriefFile;
	try {
		file = await documents.itemBriefFile(locals.db, locals.actor, params.id, Object.fromEntries(url.searchParams), {
			locale: getLocale() === 'en' ? 'en' : 'nl',
			origin: url.origin
		});
	} catch (err) {
		if (err instanceof ForbiddenError) error(403, t('error_forbidden_action'));
		if (err instanceof DomainError) error(err.status, t(err.key, err.params));
		throw err;
	}
	return new Response(file.bytes as BodyInit, {
		headers: {
			'content-type': file.type,
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'private, no-store'
		}
	});
};
