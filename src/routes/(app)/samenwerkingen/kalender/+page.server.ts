import * as register from '$lib/server/modules/register';
import * as region from '$lib/server/modules/region';
import { guarded } from '$lib/server/http/page-guard';
import { amsterdamParts } from '$lib/meetings/time';

export const load = async ({ locals, url }) =>
	guarded(async () => {
		const today = amsterdamParts(new Date()).date;
		const municipalityId = url.searchParams.get('gemeente') ?? '';
		const entries = await register.registerCalendar(locals.db, locals.actor, { municipalityId }, { from: register.calendarPageFrom(today), today });
		return {
			today,
			municipalityId,
			months: register.byMonth(entries.map(({ changedAt: _changedAt, ...e }) => e)),
			municipalities: await region.listMunicipalities(locals.db, locals.actor)
		};
	});
