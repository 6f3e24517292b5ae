import { m } from '$lib/paraglide/messages.js';
import type { SearchKind } from '$lib/validation/search';

/** A kind of result as the group's heading and the kind filter's choice. */
export const kindLabels: Record<SearchKind, () => string> = {
	items: m.search_kind_items,
	comments: m.search_kind_comments,
	versions: m.search_kind_versions,
	sessions: m.search_kind_sessions,
	minutes: m.search_kind_minutes,
	interviews: m.search_kind_interviews,
	candidates: m.search_kind_candidates,
	arrangements: m.search_kind_arrangements,
	covernotes: m.search_kind_covernotes
};
