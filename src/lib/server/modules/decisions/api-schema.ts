import { z } from 'zod';
import { itemStatuses, versionReasons } from '../../../agenda/constants';
import { councilOutcomes, positionKinds, signOffDecisions, voidReasons } from '../../../decisions/constants';
import { interviewBodies } from '../../../interviews/constants';
import { municipalityIds } from '../../../roles';

// The JSON shapes of `GET /api/v1/items/{id}/decisions`, `/versions` and `/versions/{number}` as zod schemas
// of the output (typed builders in api.ts; the OpenAPI document is generated from them).

const municipality = z.enum(municipalityIds);
const moment = z.iso.datetime();
const date = z.iso.date();
const hash = z
	.string()
	.regex(/^[0-9a-f]{64}$/)
	.describe('SHA-256, lower-case hex');

const timelineBase = { at: moment, by: z.string().nullable() };

export const timelineEntryJson = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('created'), ...timelineBase }),
	z.object({ kind: z.literal('version'), ...timelineBase, number: z.int(), reason: z.enum(versionReasons), status: z.enum(itemStatuses) }),
	z.object({
		kind: z.literal('position'),
		...timelineBase,
		municipality,
		from: z.enum(positionKinds).nullable(),
		to: z.enum(positionKinds),
		reasons: z.string()
	}),
	z.object({ kind: z.literal('signoff'), ...timelineBase, municipality, decision: z.enum(signOffDecisions), versionNumber: z.int(), kenmerk: z.string() }),
	z.object({ kind: z.literal('void'), ...timelineBase, municipality, reason: z.enum(voidReasons), versionNumber: z.int() }),
	z.object({ kind: z.literal('council'), ...timelineBase, municipality, outcome: z.enum(councilOutcomes), kenmerk: z.string() }),
	z.object({ kind: z.literal('progress'), ...timelineBase, percent: z.int().min(0).max(100), note: z.string() }),
	z.object({
		kind: z.literal('interview'),
		...timelineBase,
		interviewId: z.guid(),
		municipality,
		body: z.enum(interviewBodies),
		bodyOther: z.string(),
		heldOn: date,
		link: z.enum(['created', 'added']),
		candidateTitle: z.string()
	})
]);

export const itemDecisionsJson = z.object({
	itemId: z.guid(),
	status: z.enum(itemStatuses),
	participants: z.array(municipality),
	round: z.object({ version: z.int(), contentHash: hash }).nullable().describe('The version being signed while gereed_voor_besluitvorming'),
	adopted: z.object({ version: z.int(), contentHash: hash, currentDiffers: z.boolean() }).nullable(),
	positions: z.array(
		z.object({
			municipality,
			position: z.enum(positionKinds),
			reasons: z.string(),
			conditions: z.array(z.string()),
			sharedPublicly: z.boolean().describe('The municipality shares this position on the public site'),
			updatedBy: z.string(),
			updatedAt: moment
		})
	),
	positionHistory: z.array(
		z.object({
			municipality,
			from: z.enum(positionKinds).nullable(),
			to: z.enum(positionKinds),
			reasons: z.string(),
			conditions: z.array(z.string()),
			by: z.string(),
			at: moment
		})
	),
	signOffs: z.array(
		z.object({
			id: z.guid(),
			municipality,
			decision: z.enum(signOffDecisions),
			conditions: z.array(z.string()),
			reasons: z.string(),
			withdrawn: z.boolean(),
			meetingDate: date,
			kenmerk: z.string(),
			documentUrl: z.string().nullable(),
			signedBy: z.string(),
			signedAt: moment,
			version: z.object({ number: z.int(), contentHash: hash }),
			verified: z.boolean(),
			valid: z.boolean(),
			voided: z.object({ at: moment, by: z.string(), reason: z.enum(voidReasons) }).nullable(),
			coversCurrentText: z.boolean()
		})
	),
	council: z.array(
		z.object({
			id: z.guid(),
			municipality,
			meetingDate: date,
			outcome: z.enum(councilOutcomes),
			wensenEnBedenkingen: z.string(),
			kenmerk: z.string(),
			version: z.int().nullable(),
			recordedBy: z.string(),
			recordedAt: moment
		})
	),
	progress: z.object({ percent: z.int().min(0).max(100), note: z.string(), reportedBy: z.string(), reportedAt: moment }).nullable(),
	timeline: z.array(timelineEntryJson).describe('Every event in order of time'),
	mayAct: z.object({ position: z.array(municipality), signoff: z.array(municipality), council: z.array(municipality) })
});

const versionSummary = {
	number: z.int().min(1),
	reason: z.enum(versionReasons),
	createdAt: moment,
	createdBy: z.string().nullable(),
	contentHash: hash.describe('SHA-256 of `canonical`'),
	signedContentHash: hash.nullable().describe('SHA-256 of the canonical JSON of the signed content (without status and milestones’ done)')
};

export const itemVersionsJson = z.object({ itemId: z.guid(), versions: z.array(z.object(versionSummary)).describe('Oldest first') });

export const itemVersionJson = z.object({
	itemId: z.guid(),
	...versionSummary,
	canonical: z.string().describe('Exactly the stored canonical JSON the content hash covers'),
	content: z.looseObject({ format: z.int(), itemId: z.guid(), title: z.string() }).nullable().describe('`canonical` parsed; null when it no longer parses')
});

export type ItemDecisionsJson = z.output<typeof itemDecisionsJson>;
export type TimelineEntryJson = z.output<typeof timelineEntryJson>;
