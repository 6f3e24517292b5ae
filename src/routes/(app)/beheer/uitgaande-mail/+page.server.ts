import * as mail from '$lib/server/modules/mail';
import { formValues, runForm } from '$lib/server/http/form-failure';
import { guarded } from '$lib/server/http/page-guard';
import { m } from '$lib/paraglide/messages.js';
import type { Actions } from './$types';

export const load = ({ locals, url }) =>
	guarded(async () => ({
		outbox: await mail.listOutbox(locals.db, locals.actor, { page: url.searchParams.get('pagina') ?? undefined }),
		smtp: mail.smtpConfigured()
	}));

export const actions = {
	resend: async ({ locals, request }) => {
		const values = await formValues(request);
		return runForm(async () => {
			await mail.resendMail(locals.db, locals.actor, values, locals.origin);
			return { success: mail.smtpConfigured() ? m.admin_saved_mail_resent() : m.admin_saved_mail_resent_held() };
		}, values);
	}
} satisfies Actions;
