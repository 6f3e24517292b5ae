import { redirect } from '@sveltejs/kit';
import { logout } from '$lib/server/auth/logout';
import { clearSessionCookie } from '$lib/server/http/session-cookie';

export const POST = async (event) => {
	const { locals } = event;
	if (locals.authSession && locals.user) {
		await logout(locals.db, { userId: locals.user.id, name: locals.user.name }, locals.authSession.id, locals.origin);
	}
	clearSessionCookie(event);
	redirect(303, '/inloggen');
};
