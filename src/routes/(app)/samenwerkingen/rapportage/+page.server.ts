import * as register from '$lib/server/modules/register';
import * as region from '$lib/server/modules/region';
import { guarded } from '$lib/server/http/page-guard';
import { amsterdamParts } from '$lib/meetings/time';

/** The half years one may choose: the current one, the three before it and the next. */
function halves(today: string): string[] {
	const year = Number(today.slice(0, 4));
	const all = [year + 1, year, year - 1, year - 2].flatMap((y) => [`${y}-H2`, `${y}-H1`]);
	const current = all.indexOf(register.halfOf(today));
	return all.slice(Math.max(0, current - 1), current + 4);
}

/** The report form (`?gemeente=leiden` preselects a municipality; the reader's own by default) and what was drawn up before. */
export const load = async ({ locals, url }) =>
	guarded(async () => {
		const scope = register.parseScope(locals.actor, url.searchParams.get('gemeente'));
		const municipalities = await region.listMunicipalities(locals.db, locals.actor);
		const chosen = scope === 'regio' ? municipalities[0].id : scope;
		const today = amsterdamParts(new Date()).date;
		return {
			municipalities: municipalities.map((mu) => ({ id: mu.id, name: mu.name })),
			chosen,
			halves: halves(today),
			current: register.halfOf(today),
			history: await register.listReports(locals.db, locals.actor, chosen)
		};
	});
