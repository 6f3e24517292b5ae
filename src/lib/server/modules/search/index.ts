/**
 * One search over the portal's texts (items, comments, interviews, candidates), Dutch full text in PostgreSQL.
 * Import as a namespace: `import * as search from '$lib/server/modules/search'`.
 */
export { search, PER_KIND, type SearchHit, type SearchGroup, type SearchResults } from './search';
export { searchWords, MIN_WORD_LENGTH } from './words';
export type { PassagePart } from './passage';
