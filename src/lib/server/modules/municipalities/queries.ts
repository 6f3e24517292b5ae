import type { Queryable } from '../../db';
import { authorize, type Actor } from '../../permissions';
import { listMunicipalities, type Municipality } from '../region';

/** The five municipalities as the administration page shows them (the same rows the region overview reads). */
export async function listMunicipalitiesForAdmin(q: Queryable, actor: Actor | null): Promise<Municipality[]> {
	authorize(actor, 'municipalities.manage');
	return listMunicipalities(q, actor);
}
