import { json } from '@sveltejs/kit';
import { openApiDocument } from '$lib/server/openapi';

/** The OpenAPI 3.1 document of the API (public: it describes, it holds no data). */
export const GET = () => json(openApiDocument(), { headers: { 'cache-control': 'public, max-age=300' } });
