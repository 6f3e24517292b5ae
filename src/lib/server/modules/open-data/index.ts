/**
 * The open data: read-only JSON, CSV, an Atom feed and an iCalendar file of what the public module says is
 * public, under `/api/open/v1`, all under CC0 1.0. Nothing is read here but through the public module, so the
 * one visibility rule decides what leaves the portal.
 * Import as a namespace: `import * as openData from '$lib/server/modules/open-data'`.
 */
export { LICENCE, licenceLinkHeader } from './licence';
export { openItems, openItem, openVersion, openDecisions, openSessions, openSession } from './json';
export { itemsCsv, decisionsCsv } from './csv';
export { atomFeed } from './atom';
export { publicCalendar } from './calendar';
export { publicStamp } from '../public';
export * from './schemas';
