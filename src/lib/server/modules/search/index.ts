/**
 * One search over the portal's texts (items, comments, interviews, candidates), Dutch full text in PostgreSQL.
 * Import as a namespace: `import * as search from '$lib/server/modules/search'`.
 */
export { search, type SearchResults } from './search';
