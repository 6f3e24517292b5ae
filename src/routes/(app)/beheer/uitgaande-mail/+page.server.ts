import * as mail from '$lib/server/modules/mail';
import { guarded } from '$lib/server/http/page-guard';

export const load = ({ locals, url }) =>
	guarded(async () => ({
		outbox: await mail.listOutbox(locals.db, locals.actor, { page: url.searchParams.get('pagina') ?? undefined }),
		smtp: mail.smtpConfigured()
	}));
