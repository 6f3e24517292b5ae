import { z } from 'zod';
import { municipalityIds } from '../roles';
import { horizonSchema, itemStatusSchema, itemStatuses, horizons, SUMMARY_MAX, TITLE_MAX, verdeelsleutelSchema } from '../agenda/constants';
import { parseEuroToCents, parsePercentToBp } from '../agenda/money';

/** Messages are message keys (`validation_agenda_…`), translated where they are shown. */

const MAX_CENTS = 1_000_000_000_000; // EUR 10 billion: far beyond any regional activity

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const toArray = (v: unknown) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);

export const titleSchema = z
	.string('validation_agenda_title_required')
	.trim()
	.min(1, 'validation_agenda_title_required')
	.max(TITLE_MAX, 'validation_agenda_title_too_long');

export const summarySchema = z.string().trim().max(SUMMARY_MAX, 'validation_agenda_summary_too_long');

export const ambitionIdSchema = z.coerce
	.number('validation_agenda_ambition_unknown')
	.int('validation_agenda_ambition_unknown')
	.min(1, 'validation_agenda_ambition_unknown')
	.max(32767, 'validation_agenda_ambition_unknown');

export const municipalitySchema = z.enum(municipalityIds, { message: 'validation_agenda_municipality_unknown' });

const trekkerSchema = z.preprocess(emptyToNull, municipalitySchema.nullable());

/** An ISO calendar date (`2026-03-31`) that exists. */
export const isoDateSchema = z
	.string('validation_agenda_date')
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'validation_agenda_date')
	.refine((s) => {
		const d = new Date(`${s}T00:00:00Z`);
		return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
	}, 'validation_agenda_date');

const optionalDate = z.preprocess(emptyToNull, isoDateSchema.nullable());

export const centsSchema = z
	.number('validation_agenda_amount')
	.int('validation_agenda_amount')
	.min(0, 'validation_agenda_amount')
	.max(MAX_CENTS, 'validation_agenda_amount_too_large');

export const contributionSchema = z.object({
	label: z.string('validation_agenda_contribution_label').trim().min(1, 'validation_agenda_contribution_label').max(200, 'validation_agenda_text_too_long'),
	amountCents: centsSchema.min(1, 'validation_agenda_amount_positive')
});

export const participantSchema = z.object({
	municipalityId: municipalitySchema,
	customShareBp: z
		.number('validation_agenda_percentage')
		.int('validation_agenda_percentage')
		.min(0, 'validation_agenda_percentage')
		.max(10_000, 'validation_agenda_percentage')
		.nullable()
		.optional()
});
export const shareSchema = z.object({
	municipalityId: municipalitySchema,
	customShareBp: z
		.number('validation_agenda_percentage')
		.int('validation_agenda_percentage')
		.min(0, 'validation_agenda_percentage')
		.max(10_000, 'validation_agenda_percentage')
		.nullable()
});

export const milestoneSchema = z.object({
	title: z.string('validation_agenda_milestone_title').trim().min(1, 'validation_agenda_milestone_title').max(200, 'validation_agenda_text_too_long'),
	dueDate: isoDateSchema,
	done: z.boolean().default(false)
});

export const linkSchema = z.object({
	title: z.string('validation_agenda_link_title').trim().min(1, 'validation_agenda_link_title').max(200, 'validation_agenda_text_too_long'),
	url: z
		.string('validation_agenda_link_url')
		.trim()
		.max(2000, 'validation_agenda_link_url')
		.refine((s) => {
			try {
				const u = new URL(s);
				return u.protocol === 'https:' || u.protocol === 'http:';
			} catch {
				return false;
			}
		}, 'validation_agenda_link_url'),
	kenmerk: z.string().trim().max(100, 'validation_agenda_kenmerk_too_long').default('')
});

export const tagSchema = z.string().trim().min(1, 'validation_agenda_tag').max(40, 'validation_agenda_tag');

const unique =
	<T>(key: (v: T) => string, message: string) =>
	(list: T[], ctx: z.RefinementCtx) => {
		const seen = new Set<string>();
		for (const v of list) {
			const k = key(v);
			if (seen.has(k)) return ctx.addIssue({ code: 'custom', message });
			seen.add(k);
		}
	};

/** The structured fields an editor may change; every one optional in a patch. */
export const itemFieldsSchema = z.object({
	ambitionId: ambitionIdSchema,
	title: titleSchema,
	summary: summarySchema,
	horizon: horizonSchema,
	trekkerId: trekkerSchema,
	startDate: optionalDate,
	endDate: optionalDate,
	costEstimateCents: centsSchema,
	verdeelsleutel: verdeelsleutelSchema,
	contributions: z.array(contributionSchema).max(20, 'validation_agenda_too_many'),
	participants: z
		.array(participantSchema)
		.max(municipalityIds.length, 'validation_agenda_too_many')
		.superRefine(unique((p) => p.municipalityId, 'validation_agenda_participant_duplicate')),
	/** Custom percentages (maatwerk) of the participants; a municipality not taking part is refused. */
	shares: z
		.array(shareSchema)
		.max(municipalityIds.length, 'validation_agenda_too_many')
		.superRefine(unique((p) => p.municipalityId, 'validation_agenda_participant_duplicate')),
	milestones: z.array(milestoneSchema).max(50, 'validation_agenda_too_many'),
	links: z.array(linkSchema).max(50, 'validation_agenda_too_many'),
	tags: z
		.array(tagSchema)
		.max(20, 'validation_agenda_too_many')
		.transform((tags) => [...new Set(tags.map((t) => t.toLocaleLowerCase('nl')))]),
	people: z
		.array(z.uuid('validation_agenda_person_unknown'))
		.max(50, 'validation_agenda_too_many')
		.transform((ids) => [...new Set(ids)])
});
export type ItemFields = z.output<typeof itemFieldsSchema>;
export type ItemFieldName = keyof ItemFields;
export const itemFieldNames = Object.keys(itemFieldsSchema.shape) as ItemFieldName[];

export const itemIdSchema = z.uuid('validation_agenda_item_unknown');

const revisionSchema = z.coerce.number('validation_agenda_revision').int('validation_agenda_revision').min(1, 'validation_agenda_revision');

export const createItemSchema = z.object({
	ambitionId: ambitionIdSchema,
	title: titleSchema,
	summary: summarySchema.default(''),
	horizon: horizonSchema,
	trekkerId: trekkerSchema.default(null)
});

/** A change to some structured fields, made against the revision the editor saw. */
export const updateItemSchema = itemFieldsSchema
	.partial()
	.extend({ itemId: itemIdSchema, revision: revisionSchema })
	.refine((v) => itemFieldNames.some((k) => v[k] !== undefined), { message: 'validation_agenda_nothing_changed', path: ['_'] });

export const transitionItemSchema = z.object({
	itemId: itemIdSchema,
	/** The status the user saw; when it changed meanwhile, the transition is refused as a conflict. */
	from: itemStatusSchema,
	to: itemStatusSchema
});

/** Heropenen: the status the user saw and why the frozen text must change (stored, and told to the colleges). */
export const reopenItemSchema = z.object({
	itemId: itemIdSchema,
	from: itemStatusSchema,
	reason: z
		.string('validation_agenda_reopen_reason_required')
		.trim()
		.min(1, 'validation_agenda_reopen_reason_required')
		.min(3, 'validation_agenda_reopen_reason_short')
		.max(1000, 'validation_agenda_reopen_reason_long')
});

export const captureVersionSchema = z.object({ itemId: itemIdSchema });

export const restoreVersionSchema = z.object({
	itemId: itemIdSchema,
	number: z.coerce.number('validation_agenda_version_unknown').int('validation_agenda_version_unknown').min(1, 'validation_agenda_version_unknown'),
	revision: revisionSchema.optional()
});

// ---------------------------------------------------------------------------------------------
// Filters of the overview, from the URL. Unknown values are dropped, never an error page.

/** A filter from the URL: empty or unknown is null (no filter), never an error. */
export const lenient = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToNull, schema.nullable()).catch(null);

export const agendaFilterSchema = z.object({
	ambitie: lenient(z.coerce.number().int().min(1).max(32767)),
	status: lenient(z.enum(itemStatuses)),
	gemeente: lenient(z.enum(municipalityIds)),
	trekker: lenient(z.enum(municipalityIds)),
	horizon: lenient(z.enum(horizons)),
	q: lenient(z.string().trim().max(200))
});
export type AgendaFilter = z.output<typeof agendaFilterSchema>;

export function filterFromSearchParams(params: URLSearchParams): AgendaFilter {
	return agendaFilterSchema.parse(Object.fromEntries(params));
}

// ---------------------------------------------------------------------------------------------
// Forms: flat fields (`milestone_title[]`, …) turned into the shape above. Unparseable amounts become
// NaN so the schema reports them on their own field.

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (values: Record<string, unknown>, name: string) => toArray(values[name]).map(str);
const euros = (v: unknown) => parseEuroToCents(str(v)) ?? (str(v).trim() === '' ? 0 : Number.NaN);

/** The sections of the item page, each a form of its own. */
export const formSections = ['algemeen', 'planning', 'kosten', 'deelnemers', 'documenten', 'labels', 'betrokkenen'] as const;
export type FormSection = (typeof formSections)[number];

/** A submitted section of the item page → an `updateItemSchema` input. */
export function itemPatchFromForm(values: Record<string, unknown>): Record<string, unknown> {
	const patch: Record<string, unknown> = { itemId: values.itemId, revision: values.revision };
	switch (values.section as FormSection) {
		case 'algemeen':
			Object.assign(patch, {
				title: values.title,
				summary: values.summary ?? '',
				ambitionId: values.ambitionId,
				horizon: values.horizon,
				trekkerId: values.trekkerId ?? ''
			});
			break;
		case 'planning': {
			const titles = list(values, 'milestone_title');
			const dates = list(values, 'milestone_date');
			const done = new Set(list(values, 'milestone_done'));
			patch.startDate = values.startDate ?? '';
			patch.endDate = values.endDate ?? '';
			patch.milestones = titles
				.map((title, i) => ({ title, dueDate: dates[i] ?? '', done: done.has(String(i)) }))
				.filter((ms) => ms.title.trim() !== '' || ms.dueDate !== '');
			break;
		}
		case 'kosten': {
			const labels = list(values, 'contribution_label');
			const amounts = list(values, 'contribution_amount');
			patch.costEstimateCents = euros(values.costEstimate);
			patch.verdeelsleutel = values.verdeelsleutel;
			patch.contributions = labels.map((label, i) => ({ label, amountCents: euros(amounts[i]) })).filter((c) => c.label.trim() !== '' || c.amountCents !== 0);
			if (values.verdeelsleutel === 'maatwerk') {
				const ids = list(values, 'share_municipality');
				const shares = list(values, 'share_percentage');
				patch.shares = ids.map((municipalityId, i) => ({
					municipalityId,
					customShareBp: shares[i]?.trim() ? (parsePercentToBp(shares[i]) ?? Number.NaN) : null
				}));
			}
			break;
		}
		case 'deelnemers':
			patch.participants = list(values, 'participants').map((municipalityId) => ({ municipalityId }));
			break;
		case 'documenten': {
			const titles = list(values, 'link_title');
			const urls = list(values, 'link_url');
			const kenmerken = list(values, 'link_kenmerk');
			patch.links = titles
				.map((title, i) => ({ title, url: urls[i] ?? '', kenmerk: kenmerken[i] ?? '' }))
				.filter((l) => l.title.trim() !== '' || l.url.trim() !== '' || l.kenmerk.trim() !== '');
			break;
		}
		case 'labels':
			patch.tags = str(values.tags)
				.split(',')
				.map((t) => t.trim())
				.filter(Boolean);
			break;
		case 'betrokkenen':
			patch.people = list(values, 'people');
			break;
	}
	return patch;
}
