/**
 * What the public sees: the uitvoeringsagenda as adopted (and items the verkenner made public earlier), the
 * colleges' and councils' decisions, the positions municipalities shared, and published session highlights.
 * Read-only and without an actor: the one visibility rule (`visibility.ts`) decides, and nothing internal is
 * ever read here. The public pages, the open data, the feeds and their tests all use this face.
 * Import as a namespace: `import * as publicSite from '$lib/server/modules/public'`.
 */
export { isPublicItem } from './visibility';
export { publicFilterFrom, publicPageFrom, PAGE_SIZE_MAX } from './filter';
export { listPublicItems, publicRegion, publicItemPath } from './list-items';
export { getPublicItem, getPublicVersion } from './get-item';
export { listPublicDecisions } from './decisions';
export { cachedPublicRead } from './cache';
export { listPublicMeetings, getPublicMeeting, publicMeetingsOfItem, publicMeetingPath } from './meetings';
export { publicStamp } from './stamp';
export * from './schemas';
