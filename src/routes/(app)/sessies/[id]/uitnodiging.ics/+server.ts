import * as meetings from '$lib/server/modules/meetings';
import { fileDownload } from '$lib/server/http/file-download';
import { getLocale } from '$lib/paraglide/runtime';

/**
 * The session as a calendar file to import (meeting.read): METHOD:PUBLISH, same UID and SEQUENCE as the
 * invitations the invitees get by e-mail, so importing it after an invitation updates the same event.
 */
export const GET = async ({ locals, params, url }) =>
	fileDownload(async () => {
		const { ics, filename } = await meetings.meetingInvitation(locals.db, locals.actor, params.id, url.origin, getLocale() === 'en' ? 'en' : 'nl');
		return { body: ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH', filename };
	});
