import * as audit from '$lib/server/modules/audit';
import { guarded } from '$lib/server/http/page-guard';

/** Filters live in the URL (wie, actie, object, resultaat, van, tot, pagina) so a view can be shared. */
export const load = ({ locals, url }) =>
	guarded(async () => {
		const p = url.searchParams;
		const trail = await audit.listAuditEvents(locals.db, locals.actor, {
			actor: p.get('wie') ?? undefined,
			action: p.get('actie') ?? undefined,
			objectType: p.get('object') ?? undefined,
			result: p.get('resultaat') || undefined,
			from: p.get('van') || undefined,
			to: p.get('tot') || undefined,
			page: p.get('pagina') ?? undefined
		});
		return { trail, choices: await audit.auditFilterChoices(locals.db, locals.actor, trail.filters) };
	});
