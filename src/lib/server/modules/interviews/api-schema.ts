import { z } from 'zod';
import { horizons, itemStatuses } from '../../../agenda/constants';
import { interviewBodies, interviewVisibilities } from '../../../interviews/constants';
import { municipalityIds } from '../../../roles';

// The JSON shapes of `GET /api/v1/interviews` and `/api/v1/interviews/{id}` as zod schemas of the output
// (typed builders in api.ts; the OpenAPI document is generated from them).

const municipality = z.enum(municipalityIds);
const moment = z.iso.datetime();
const date = z.iso.date();

const interviewRef = {
	id: z.guid(),
	url: z.string(),
	municipality,
	body: z.enum(interviewBodies),
	bodyOther: z.string().nullable().describe('Names the body when `body` is `overig`'),
	heldOn: date
};

const candidate = {
	id: z.guid(),
	title: z.string(),
	ambition: z.int(),
	horizon: z.enum(horizons),
	meerwaarde: z.string(),
	interested: z.array(municipality),
	item: z
		.object({ id: z.guid(), url: z.string(), title: z.string(), status: z.enum(itemStatuses), link: z.enum(['created', 'added']) })
		.nullable()
		.describe('The agenda item it became (created) or was added to (added)'),
	createdAt: moment
};

export const interviewOverviewJson = z.object({
	filter: z.object({
		gemeente: municipality.nullable(),
		orgaan: z.enum(interviewBodies).nullable(),
		ambitie: z.int().nullable(),
		horizon: z.enum(horizons).nullable(),
		zichtbaarheid: z.enum(interviewVisibilities).nullable()
	}),
	today: date.describe('Today in Europe/Amsterdam'),
	totals: z.object({ interviews: z.int(), held: z.int(), planned: z.int(), candidates: z.int(), notOnAgenda: z.int() }),
	interviews: z.array(z.object({ ...interviewRef, planned: z.boolean(), visibility: z.enum(interviewVisibilities), candidates: z.int() })),
	matrix: z.array(
		z.object({
			municipality,
			bodies: z.partialRecord(z.enum(interviewBodies), z.array(z.object({ id: z.guid(), heldOn: date, planned: z.boolean() })))
		})
	),
	candidates: z.array(z.object({ ...candidate, interview: z.object(interviewRef) })),
	notOnAgenda: z.array(z.guid())
});

export const interviewJson = z.object({
	...interviewRef,
	municipalityName: z.string(),
	planned: z.boolean(),
	visibility: z.enum(interviewVisibilities),
	participants: z.array(z.string()),
	notes: z.object({ html: z.string().describe('Sanitised HTML'), text: z.string(), revision: z.int(), savedAt: moment.nullable() }),
	createdBy: z.string(),
	createdAt: moment,
	updatedAt: moment,
	candidates: z.array(z.object(candidate))
});

export type InterviewOverviewJson = z.output<typeof interviewOverviewJson>;
export type InterviewJson = z.output<typeof interviewJson>;
