import { z } from 'zod';
import { municipalityIds } from '../roles';
import { itemStatuses } from '../agenda/constants';
import { isoDateSchema, lenient } from './agenda';

/** What one search box finds, in the order the results page shows the groups. */
export const searchKinds = ['items', 'comments', 'versions', 'sessions', 'minutes', 'interviews', 'candidates', 'arrangements', 'covernotes'] as const;
export type SearchKind = (typeof searchKinds)[number];

/**
 * The search from the URL (`/zoeken?q=…&soort=…`). Any text is a question (its words are taken apart in
 * `search/words.ts`, operators and all); an unknown filter value is no filter. Never an error.
 */
export const searchRequestSchema = z.object({
	q: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string()),
	soort: lenient(z.enum(searchKinds)),
	ambitie: lenient(z.coerce.number().int().min(1).max(32767)),
	gemeente: lenient(z.enum(municipalityIds)),
	status: lenient(z.enum(itemStatuses)),
	van: lenient(isoDateSchema),
	tot: lenient(isoDateSchema)
});
export type SearchRequest = z.output<typeof searchRequestSchema>;

export function searchFromParams(params: URLSearchParams): SearchRequest {
	return searchRequestSchema.parse(Object.fromEntries(params));
}
