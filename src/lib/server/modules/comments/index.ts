/**
 * Comments on agenda items: threads, replies, anchors, edits, tombstones, visibility, mentions, notifications.
 * Import as a namespace: `import * as comments from '$lib/server/modules/comments'`.
 */
export { postComment, commentRate } from './post-comment';
export { editComment, deleteComment, resolveThread } from './change-comment';
export * from './queries';
export { ownMunicipalities, threadAudience, visibleWhere as visibleCommentsWhere } from './visibility';
export { commentListJson, commentRevisionsJson } from './api-schema';
