/**
 * One search over the portal's texts (items, comments, earlier versions, sessions, minutes, interviews, candidates, the
 * register's arrangements and cover notes), Dutch full text in PostgreSQL.
 * Import as a namespace: `import * as search from '$lib/server/modules/search'`.
 */
export { search, type SearchResults } from './search';
