import * as users from '$lib/server/modules/users';
import { guarded } from '$lib/server/http/page-guard';

/** Filters live in the URL (zoek, rol, gemeente, status, pagina) so a filtered list can be shared and bookmarked. */
export const load = ({ locals, url }) =>
	guarded(async () => {
		const p = url.searchParams;
		const filters = {
			search: p.get('zoek') ?? undefined,
			role: p.get('rol') || undefined,
			municipalityId: p.get('gemeente') || undefined,
			status: p.get('status') || undefined,
			page: p.get('pagina') ?? undefined
		};
		return {
			list: await users.listUsers(locals.db, locals.actor, filters),
			municipalities: await users.grantableMunicipalities(locals.db, locals.actor)
		};
	});
