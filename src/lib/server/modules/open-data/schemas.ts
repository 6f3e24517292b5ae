import { z } from 'zod';
import * as publicSite from '../public';
import { itemStatuses } from '../../../agenda/constants';
import { municipalityIds } from '../../../roles';

// The JSON of the open data (`/api/open/v1/…`) as zod schemas of the output: the builders in json.ts are typed
// with them and the OpenAPI document is generated from them. The shapes inside are the public module's.

export const licenceJson = z
	.object({ id: z.literal('CC0-1.0'), name: z.string(), url: z.url() })
	.describe('The licence of the data: CC0 1.0, no conditions on reuse');

const links = {
	canonicalUrl: z.url().describe('The stable public page (HTML) of this thing'),
	dataUrl: z.url().describe('This thing in the open data (JSON)')
};

export const openItemSummaryJson = publicSite.publicItemSummarySchema.extend(links);
export const openItemListJson = z.object({
	licence: licenceJson,
	filter: z
		.object({
			ambitie: z.int().min(1).max(7).nullable(),
			gemeente: z.enum(municipalityIds).nullable(),
			status: z.enum(itemStatuses).nullable(),
			q: z.string().nullable()
		})
		.describe('The filters as understood: an unknown value is ignored and shows here as null'),
	total: z.int().min(0).describe('Public items in all'),
	matching: z.int().min(0).describe('Public items matching the filters'),
	limit: z.int().min(1).max(publicSite.PAGE_SIZE_MAX),
	offset: z.int().min(0),
	items: z.array(openItemSummaryJson)
});

export const openItemJson = z.object({ licence: licenceJson, item: publicSite.publicItemSchema.extend(links) });

export const openVersionJson = z.object({
	licence: licenceJson,
	itemId: z.uuid(),
	number: z.int().min(1),
	contentHash: z.string().regex(/^[0-9a-f]{64}$/),
	canonical: z.string().describe('Exactly the stored canonical JSON: its SHA-256 is contentHash')
});

export const openDecisionListJson = z.object({
	licence: licenceJson,
	limit: z.int().min(1).max(publicSite.PAGE_SIZE_MAX),
	offset: z.int().min(0),
	decisions: z.array(publicSite.publicDecisionSchema.extend({ itemUrl: z.url().describe('The public page of the item') })).describe('Newest first')
});

export const openSessionListJson = z.object({
	licence: licenceJson,
	sessions: z.array(publicSite.publicMeetingSummarySchema.extend(links)).describe('Sessions with published highlights, newest first')
});

export const openSessionJson = z.object({ licence: licenceJson, session: publicSite.publicMeetingSchema.extend(links) });

export type OpenItemListJson = z.output<typeof openItemListJson>;
export type OpenItemJson = z.output<typeof openItemJson>;
export type OpenVersionJson = z.output<typeof openVersionJson>;
export type OpenDecisionListJson = z.output<typeof openDecisionListJson>;
export type OpenSessionListJson = z.output<typeof openSessionListJson>;
export type OpenSessionJson = z.output<typeof openSessionJson>;
