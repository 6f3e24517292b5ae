import * as mail from '$lib/server/modules/mail/queries';
import { guarded } from '../load-guard.server';

export const load = ({ locals, url }) =>
	guarded(async () => ({
		outbox: await mail.listOutbox(locals.db, locals.actor, { page: url.searchParams.get('pagina') ?? undefined }),
		smtp: mail.smtpConfigured()
	}));
