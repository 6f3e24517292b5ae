import { z } from 'zod';
import { horizons, itemStatuses, verdeelsleutels, versionReasons } from '../../../agenda/constants';
import { municipalityIds } from '../../../roles';

// The JSON shapes of `GET /api/v1/items` and `/api/v1/items/{id}`, as zod schemas of the output: the
// builders in api.ts are typed with them and the OpenAPI document (server/openapi) is generated from them, so
// a field added to one and not the other fails the type check or the conformance test.

const municipality = z.enum(municipalityIds).describe('Municipality slug');
const moment = z.iso.datetime().describe('ISO 8601 moment in UTC');
const date = z.iso.date();
const person = z.object({ id: z.guid(), name: z.string() });

const agendaFilterJson = z
	.object({
		ambitie: z.int().min(1).nullable(),
		status: z.enum(itemStatuses).nullable(),
		gemeente: municipality.nullable(),
		trekker: municipality.nullable(),
		horizon: z.enum(horizons).nullable(),
		q: z.string().nullable()
	})
	.describe('The filters as understood; an unknown value is ignored and shows here as null.');

export const agendaListItemJson = z.object({
	id: z.guid(),
	url: z.string().describe('This item in the API'),
	title: z.string(),
	summary: z.string(),
	status: z.enum(itemStatuses),
	horizon: z.enum(horizons),
	trekker: municipality.nullable(),
	participants: z.array(municipality),
	costEstimateCents: z.int().describe('Whole euro cents'),
	tags: z.array(z.string()),
	updatedAt: moment
});

export const agendaOverviewJson = z.object({
	filter: agendaFilterJson,
	matching: z.int().min(0),
	total: z.int().min(0),
	ambitions: z.array(
		z.object({
			id: z.int(),
			title: z.string(),
			shortTitle: z.string(),
			matching: z.int().min(0),
			total: z.int().min(0),
			items: z.array(agendaListItemJson)
		})
	)
});

const richText = z.object({ html: z.string().describe('Sanitised HTML'), text: z.string() });

export const agendaItemJson = z.object({
	id: z.guid(),
	ambition: z.object({ id: z.int(), title: z.string(), shortTitle: z.string() }),
	title: z.string(),
	summary: z.string(),
	description: richText,
	meerwaarde: richText,
	status: z.enum(itemStatuses),
	publicSince: moment.nullable().describe('When the verkenner made the item public before adoption; from vastgesteld on it is public anyway'),
	horizon: z.enum(horizons),
	trekker: municipality.nullable(),
	participants: z.array(z.object({ municipality, customShareBp: z.int().nullable().describe('Basis points (2500 = 25 %) under maatwerk') })),
	planning: z.object({
		startDate: date.nullable(),
		endDate: date.nullable(),
		milestones: z.array(z.object({ title: z.string(), dueDate: date, done: z.boolean() }))
	}),
	costs: z.object({
		estimateCents: z.int(),
		verdeelsleutel: z.enum(verdeelsleutels),
		externalContributions: z.array(z.object({ label: z.string(), amountCents: z.int() })),
		split: z.object({ netCents: z.int(), shares: z.array(z.object({ municipality, cents: z.int() })) }).nullable(),
		problem: z.string().nullable().describe('Why the split cannot be made (a message key), else null')
	}),
	documents: z.array(z.object({ title: z.string(), url: z.string(), kenmerk: z.string() })),
	tags: z.array(z.string()),
	people: z.array(person),
	revision: z.int().min(0),
	createdBy: person.nullable(),
	createdAt: moment,
	updatedAt: moment,
	versions: z
		.array(
			z.object({
				number: z.int().min(1),
				reason: z.enum(versionReasons),
				contentHash: z.string().regex(/^[0-9a-f]{64}$/),
				restoredFrom: z.int().nullable(),
				createdAt: moment,
				createdBy: person.nullable(),
				contributors: z.array(z.object({ userId: z.guid(), name: z.string() }))
			})
		)
		.describe('Newest first')
});

export type AgendaOverviewJson = z.output<typeof agendaOverviewJson>;
export type AgendaItemJson = z.output<typeof agendaItemJson>;
