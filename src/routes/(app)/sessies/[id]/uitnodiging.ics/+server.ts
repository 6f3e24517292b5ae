import * as meetings from '$lib/server/modules/meetings';
import { getLocale } from '$lib/paraglide/runtime';
import { download, fileOrError } from '../files.server';

/**
 * The session as a calendar file to import (meeting.read): METHOD:PUBLISH, same UID and SEQUENCE as the
 * invitations the invitees get by e-mail, so importing it after an invitation updates the same event.
 */
export const GET = async ({ locals, params, url }) => {
	const locale = getLocale() === 'en' ? 'en' : 'nl';
	const { ics, filename } = await fileOrError(() => meetings.meetingInvitation(locals.db, locals.actor, params.id, url.origin, locale));
	return download(ics, 'text/calendar; charset=utf-8; method=PUBLISH', filename);
};
