import { asc } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { ambitions, municipalities } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';

export type Municipality = typeof municipalities.$inferSelect;
export type Ambition = typeof ambitions.$inferSelect;

export async function listMunicipalities(q: Queryable, actor: Actor | null): Promise<Municipality[]> {
	authorize(actor, 'region.read');
	return q.select().from(municipalities).orderBy(asc(municipalities.sortOrder));
}

export async function listAmbitions(q: Queryable, actor: Actor | null): Promise<Ambition[]> {
	authorize(actor, 'region.read');
	return q.select().from(ambitions).orderBy(asc(ambitions.id));
}
