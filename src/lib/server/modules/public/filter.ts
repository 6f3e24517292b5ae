import { z } from 'zod';
import { itemStatuses } from '../../../agenda/constants';
import { municipalityIds } from '../../../roles';

/**
 * The filters of the public agenda, the same for the pages, the open data and the CSV. One rule for unknown
 * values everywhere: a value that is not one of the known ones is ignored (as if not given), never an error
 * page, so a shared or old link always shows something. Page sizes are capped, not refused.
 */
const lenient = <T extends z.ZodType>(schema: T) =>
	z
		.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema.nullable())
		.optional()
		.transform((v) => v ?? null)
		.catch(null);

export const publicFilterSchema = z.object({
	ambitie: lenient(z.coerce.number().int().min(1).max(7)),
	gemeente: lenient(z.enum(municipalityIds)),
	status: lenient(z.enum(itemStatuses)),
	q: lenient(z.string().trim().min(1).max(200))
});
export type PublicFilter = z.output<typeof publicFilterSchema>;

export const PAGE_SIZE_DEFAULT = 100;
export const PAGE_SIZE_MAX = 500;

export const publicPageSchema = z.object({
	limit: z.coerce
		.number()
		.int()
		.transform((n) => Math.min(Math.max(n, 1), PAGE_SIZE_MAX))
		.catch(PAGE_SIZE_DEFAULT)
		.default(PAGE_SIZE_DEFAULT),
	offset: z.coerce
		.number()
		.int()
		.transform((n) => Math.min(Math.max(n, 0), 1_000_000))
		.catch(0)
		.default(0)
});
export type PublicPage = z.output<typeof publicPageSchema>;

/** The filters of a public address (`?ambitie=3&gemeente=leiden`); a repeated parameter counts once (the first). */
export function publicFilterFrom(params: URLSearchParams): PublicFilter {
	return publicFilterSchema.parse(firstOf(params, ['ambitie', 'gemeente', 'status', 'q']));
}

/** `limit` (1–500, default 100) and `offset` (from 0) of a public address; out of range is clamped. */
export function publicPageFrom(params: URLSearchParams): PublicPage {
	return publicPageSchema.parse(firstOf(params, ['limit', 'offset']));
}

function firstOf(params: URLSearchParams, names: string[]): Record<string, string | undefined> {
	return Object.fromEntries(names.map((n) => [n, params.get(n) ?? undefined]));
}
