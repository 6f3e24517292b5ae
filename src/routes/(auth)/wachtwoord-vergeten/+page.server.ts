import { requestPasswordReset } from '$lib/server/auth/password-reset-request';
import { emailTokenTtlMs } from '$lib/server/auth/email-tokens';
import { setPasswordLink } from '$lib/server/auth/links';

import { formValues, isRefused, runForm } from '$lib/server/http/form-failure';

export const actions = {
	default: async ({ request, locals, url }) => {
		const values = await formValues(request);
		const refused = await runForm(() => requestPasswordReset(locals.db, values, locals.origin, (token) => setPasswordLink(url.origin, token)), {
			email: values.email
		});
		if (isRefused(refused)) return refused;
		// The same answer whether or not the address has an account.
		return { sent: true, email: String(values.email).trim(), minutes: emailTokenTtlMs.password_reset / 60_000 };
	}
};
