import * as register from '$lib/server/modules/register';
import { fileDownload } from '$lib/server/http/file-download';

/** The calendar of decision moments as an iCalendar file, for the signed-in reader (session cookie); `?gemeente=` narrows it. */
export const GET = ({ locals, url }) =>
	fileDownload(async () => {
		const municipalityId = url.searchParams.get('gemeente') ?? '';
		return {
			body: await register.registerCalendarIcs(locals.db, locals.actor, { municipalityId }, url.origin),
			contentType: 'text/calendar; charset=utf-8',
			filename: `samenwerkingen-besluitmomenten${municipalityId && /^[a-z]+$/.test(municipalityId) ? `-${municipalityId}` : ''}.ics`
		};
	});
