import { m } from '$lib/paraglide/messages.js';
import { apiError } from '$lib/server/http/api-errors-handle';

/** Any address under /api that no route serves: 404 as JSON, for every method (the signed-in API's guard runs first). */
export const fallback = () => apiError(404, 'not_found', m.api_not_found());
