import * as comments from '../../modules/comments';
import { errors, ok, pathParam, queryParam, uuidSchema, type ApiArea } from '../registry';

const itemId = pathParam('id', 'The item’s id', uuidSchema);

/**
 * Reading comments. Writing them (post, edit, delete, resolve) goes over the live connection (socket.io
 * events `comment:post`, `comment:edit`, `comment:delete`, `comment:resolve`), which acknowledges every message; there is no HTTP write.
 */
export const commentsArea: ApiArea = {
	tag: {
		name: 'Comments',
		description:
			'Comments on an item, as the caller may read them: shared comments, and internal ones only of the caller’s own municipality. Comments are written over the live connection (socket.io), not over HTTP.'
	},
	schemas: { CommentList: comments.commentListJson, CommentRevisions: comments.commentRevisionsJson },
	paths: {
		'/api/v1/items/{id}/comments': {
			get: {
				operationId: 'listComments',
				tags: ['Comments'],
				summary: 'The comments of an item, or those changed since a sequence number',
				description:
					'Without `after`: every comment the caller may read, oldest first (deleted ones as tombstones). With `after`: only comments changed after that sequence number (a catch-up after a lost connection).',
				parameters: [
					itemId,
					queryParam('after', 'The `seq` the caller has seen; a value that is no number gives a 400', { type: 'string', pattern: '^[0-9]+$' }, '0')
				],
				responses: { 200: ok('The comments', 'CommentList'), ...errors(400, 401, 403, 404, 503) }
			}
		},
		'/api/v1/items/{id}/comments/{commentId}/revisions': {
			get: {
				operationId: 'listCommentRevisions',
				tags: ['Comments'],
				summary: 'The earlier texts of an edited comment, oldest first',
				parameters: [itemId, pathParam('commentId', 'The comment’s id', uuidSchema)],
				responses: { 200: ok('The earlier texts', 'CommentRevisions'), ...errors(400, 401, 403, 404, 503) }
			}
		}
	}
};
