import { z } from 'zod';
import { horizons, itemStatuses, verdeelsleutels } from '../../../agenda/constants';
import { councilOutcomes, positionKinds, signOffDecisions } from '../../../decisions/constants';
import { municipalityIds } from '../../../roles';

/**
 * The shapes the public sees, as zod schemas: the read models are typed with them (`z.infer`) and the
 * OpenAPI document is generated from them, so the contract cannot drift from what is served. Amounts are
 * whole euro cents, dates ISO `YYYY-MM-DD`, moments ISO 8601 in UTC.
 */
const municipality = z.enum(municipalityIds).describe('Gemeente (slug)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const moment = z.string().describe('ISO 8601, UTC');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const publicItemSummarySchema = z.object({
	id: z.uuid().describe('Stabiele id van het agendapunt'),
	url: z.string().describe('Canonieke openbare pagina (pad)'),
	title: z.string(),
	summary: z.string(),
	ambitionId: z.number().int().min(1).max(7),
	status: z.enum(itemStatuses),
	adopted: z.boolean().describe('Vastgesteld (of verder); anders vooraf openbaar gemaakt door de verkenner'),
	horizon: z.enum(horizons),
	trekker: municipality.nullable(),
	participants: z.array(municipality),
	costEstimateCents: z.number().int().min(0),
	startDate: isoDate.nullable(),
	endDate: isoDate.nullable(),
	progressPercent: z.number().int().min(0).max(100).nullable(),
	updatedAt: moment
});
export type PublicItemSummary = z.infer<typeof publicItemSummarySchema>;

export const publicTextSchema = z.object({
	versionNumber: z.number().int().min(1),
	contentHash: sha256.describe('SHA-256 van de canonieke JSON van de versie (RFC 8785)'),
	verified: z.boolean().describe('De opgeslagen canonieke JSON heeft nog precies deze hash'),
	asSigned: z.boolean().describe('De versie waarover de colleges besloten; anders de laatst vastgelegde versie'),
	capturedAt: moment,
	descriptionHtml: z.string(),
	descriptionText: z.string(),
	meerwaardeHtml: z.string(),
	meerwaardeText: z.string()
});

export const publicCollegeDecisionSchema = z.object({
	municipalityId: municipality,
	decision: z.enum(signOffDecisions),
	conditions: z.array(z.string()),
	withdrawn: z.boolean(),
	meetingDate: isoDate,
	kenmerk: z.string(),
	documentUrl: z.string().nullable(),
	versionNumber: z.number().int(),
	contentHash: sha256
});

export const publicCouncilDecisionSchema = z.object({
	municipalityId: municipality,
	outcome: z.enum(councilOutcomes),
	wensenEnBedenkingen: z.string(),
	meetingDate: isoDate,
	kenmerk: z.string(),
	versionNumber: z.number().int().nullable()
});

export const publicPositionSchema = z.object({
	municipalityId: municipality,
	position: z.enum(positionKinds),
	reasons: z.string(),
	conditions: z.array(z.string()),
	updatedAt: moment
});

export const publicScenariosSchema = z.object({
	options: z.array(
		z.object({
			id: z.uuid(),
			title: z.string(),
			description: z.string().describe('De beschrijving als platte tekst'),
			descriptionHtml: z.string().describe('De beschrijving als veilige HTML (leeg in een versie van vóór de opgemaakte beschrijving)'),
			oneOffCents: z.number().int(),
			yearlyCents: z.number().int(),
			proposed: z.boolean().describe('Het scenario dat het agendapunt voorstelt (waarover de colleges besluiten)')
		})
	),
	criteria: z.array(z.object({ id: z.uuid(), name: z.string(), scaleMin: z.number().int(), scaleMax: z.number().int(), higherIsBetter: z.boolean() })),
	scores: z
		.array(
			z.object({
				scenarioId: z.uuid(),
				criterionId: z.uuid(),
				municipalityId: municipality,
				voice: z.enum(['klankbordgroep', 'college']),
				score: z.number().int(),
				motivation: z.string()
			})
		)
		.describe('Alleen scores die de gemeente openbaar deelt')
});

export const publicItemSchema = publicItemSummarySchema.extend({
	ambition: z.object({ id: z.number().int(), title: z.string(), shortTitle: z.string() }),
	text: publicTextSchema.nullable(),
	costs: z.object({
		totalCents: z.number().int(),
		verdeelsleutel: z.enum(verdeelsleutels),
		contributions: z.array(z.object({ label: z.string(), amountCents: z.number().int() })),
		shares: z.array(z.object({ municipalityId: municipality, cents: z.number().int(), shareBp: z.number() })).nullable()
	}),
	milestones: z.array(z.object({ title: z.string(), dueDate: isoDate, done: z.boolean() })),
	links: z.array(z.object({ title: z.string(), url: z.string(), kenmerk: z.string() })),
	tags: z.array(z.string()),
	publicSince: moment.nullable(),
	collegeDecisions: z.array(publicCollegeDecisionSchema),
	councilDecisions: z.array(publicCouncilDecisionSchema),
	positions: z.array(publicPositionSchema).describe('Alleen standpunten die de gemeente openbaar deelt'),
	scenarios: publicScenariosSchema.nullable().describe("De scenario's zoals in de openbare tekst, met de gedeelde scores"),
	progress: z.object({ percent: z.number().int().min(0).max(100), note: z.string(), reportedAt: moment }).nullable()
});
export type PublicItem = z.infer<typeof publicItemSchema>;

/** One decision on a public item, for feeds: a college's or a council's, newest first. */
export const publicDecisionSchema = z.object({
	id: z.uuid(),
	kind: z.enum(['college', 'raad']),
	itemId: z.uuid(),
	itemTitle: z.string(),
	municipalityId: municipality,
	outcome: z
		.string()
		.describe('college: akkoord | akkoord_onder_voorwaarden | niet_akkoord; raad: ingestemd | wensen_en_bedenkingen | verworpen | niet_van_toepassing'),
	meetingDate: isoDate,
	kenmerk: z.string(),
	recordedAt: moment
});
export type PublicDecision = z.infer<typeof publicDecisionSchema>;

export const publicMinuteSchema = z.object({
	kind: z.enum(['besproken', 'besluit', 'vraag']),
	body: z.string(),
	municipalityId: municipality.nullable().describe('Bij een vraag: de raad waarvoor; null = alle raden')
});

export const publicMeetingSummarySchema = z.object({
	id: z.uuid(),
	url: z.string(),
	title: z.string(),
	startsAt: moment,
	endsAt: moment,
	location: z.string(),
	publishedAt: moment
});
export type PublicMeetingSummary = z.infer<typeof publicMeetingSummarySchema>;

export const publicMeetingSchema = publicMeetingSummarySchema.extend({
	municipalitiesPresent: z.array(municipality),
	items: z.array(z.object({ itemId: z.uuid(), title: z.string(), minutes: z.array(publicMinuteSchema) })),
	general: z.array(publicMinuteSchema)
});
export type PublicMeeting = z.infer<typeof publicMeetingSchema>;
