import { z } from 'zod';
import { richTextFields } from '../../../validation/collab';
import type { CommentView } from '../../../realtime/events';
import { stances, visibilities } from '../../../validation/comments';

// The JSON shapes of `GET /api/v1/items/{id}/comments` and `…/comments/{commentId}/revisions` as zod schemas
// of the output (the OpenAPI document is generated from them). The type checks below fail when CommentView
// and the schema part ways.

const moment = z.iso.datetime();

export const commentJson = z.object({
	id: z.guid(),
	itemId: z.guid(),
	parentId: z.guid().nullable().describe('The root of the thread; null for a root'),
	author: z.object({ id: z.guid(), name: z.string() }),
	body: z.string().describe('Empty for a deleted comment (a tombstone)'),
	html: z.string().describe('The text as safe HTML (its Markdown subset rendered: emphasis, lists, links, quotes, code); empty for a deleted comment'),
	stance: z.enum(stances).nullable(),
	visibility: z.enum(visibilities).describe('`internal`: only for members of the writer’s municipality'),
	municipalityId: z.string().nullable(),
	mentions: z.array(z.object({ kind: z.enum(['user', 'municipality']), id: z.string(), label: z.string() })),
	anchor: z
		.object({
			field: z
				.union([z.enum(richTextFields), z.templateLiteral(['scenario:', z.string()])])
				.describe("The item's 'description' or 'meerwaarde', or a scenario's description: 'scenario:<scenario id>'"),
			start: z.string().describe('Yjs relative position, base64'),
			end: z.string(),
			quote: z.string()
		})
		.nullable(),
	resolvedAt: moment.nullable(),
	resolvedBy: z.string().nullable(),
	editedAt: moment.nullable(),
	deletedAt: moment.nullable(),
	createdAt: moment,
	seq: z.int().describe('The item’s comment sequence number of this comment’s latest change'),
	revisions: z.int().min(0).describe('How many earlier texts are kept')
});

export const commentListJson = z.object({
	seq: z.int().describe('The item’s latest comment sequence number (give it as `after` to catch up)'),
	comments: z.array(commentJson)
});

export const commentRevisionsJson = z.object({
	revisions: z
		.array(z.object({ body: z.string(), html: z.string().describe('The text as safe HTML'), stance: z.enum(stances).nullable(), writtenAt: moment }))
		.describe('Oldest first')
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const viewMatches: Same<z.output<typeof commentJson>, CommentView> = true;
void viewMatches;
