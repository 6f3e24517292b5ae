import { z } from 'zod';
import { municipalityIds } from '../roles';
import { horizons } from '../agenda/constants';
import { interviewBodies, interviewBodySchema, interviewVisibilities, interviewVisibilitySchema } from '../interviews/constants';
import { isoDateSchema } from './agenda';

/** Messages are message keys (`validation_interview_…`, `validation_candidate_…`), translated where shown. */

export const PARTICIPANTS_MAX = 40;
export const BODY_OTHER_MAX = 120;
export const CANDIDATE_TITLE_MAX = 200;
export const MEERWAARDE_MAX = 2000;
/** Plain-text characters of one interview's notes: far beyond any conversation, small enough to stay quick. */
export const NOTES_TEXT_MAX = 100_000;
/** Nesting of the editor's document (lists in quotes in lists…); deeper input is refused before it is walked. */
export const NOTES_DEPTH_MAX = 24;

const emptyToNull = (v: unknown) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : v);
const toArray = (v: unknown) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);
const lines = (v: unknown) =>
	typeof v === 'string'
		? v
				.split(/\r?\n/)
				.map((l) => l.trim())
				.filter(Boolean)
		: v;

export const interviewIdSchema = z.uuid('validation_interview_unknown');
export const candidateIdSchema = z.uuid('validation_candidate_unknown');

const municipalitySchema = z.enum(municipalityIds, { message: 'validation_interview_municipality' });

/** The facts of an interview; `bodyOther` names the body when it is `overig` and is cleared otherwise. */
const interviewFieldsSchema = z
	.object({
		municipalityId: municipalitySchema,
		body: interviewBodySchema,
		bodyOther: z.preprocess((v) => (v == null ? '' : v), z.string().trim().max(BODY_OTHER_MAX, 'validation_interview_body_other_too_long')),
		heldOn: isoDateSchema,
		participants: z.preprocess(
			lines,
			z
				.array(z.string().trim().min(1).max(200, 'validation_interview_participant_too_long'))
				.max(PARTICIPANTS_MAX, 'validation_interview_participants_too_many')
				.default([])
		),
		visibility: interviewVisibilitySchema.default('klankbordgroep')
	})
	.superRefine((v, ctx) => {
		if (v.body === 'overig' && !v.bodyOther) ctx.addIssue({ code: 'custom', path: ['bodyOther'], message: 'validation_interview_body_other_required' });
	})
	.transform((v) => ({ ...v, bodyOther: v.body === 'overig' ? v.bodyOther : '' }));

export const createInterviewSchema = interviewFieldsSchema;
export const updateInterviewSchema = z.object({ interviewId: interviewIdSchema }).and(interviewFieldsSchema);

// ---------------------------------------------------------------------------------------------
// Notes: the editor's document as ProseMirror JSON. It is never trusted as HTML; the server rebuilds it
// node by node and writes HTML only through the co-editing allow-list (modules/interviews/notes-html.ts).

export interface NotesNode {
	type: string;
	text?: string;
	attrs?: Record<string, unknown>;
	marks?: { type: string; attrs?: Record<string, unknown> }[];
	content?: NotesNode[];
}

/** How deep a JSON value nests, without recursion (a hostile document must not exhaust the stack). */
export function nestingDepth(value: unknown): number {
	let max = 0;
	const stack: [unknown, number][] = [[value, 1]];
	while (stack.length) {
		const [v, d] = stack.pop()!;
		if (d > max) max = d;
		if (d > NOTES_DEPTH_MAX * 3) return d;
		if (v && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, d + 1]);
	}
	return max;
}

const markSchema = z.object({ type: z.string().max(40), attrs: z.record(z.string(), z.unknown()).optional() });
const nodeSchema: z.ZodType<NotesNode> = z.lazy(() =>
	z.object({
		type: z.string().max(40),
		text: z.string().max(NOTES_TEXT_MAX).optional(),
		attrs: z.record(z.string(), z.unknown()).optional(),
		marks: z.array(markSchema).max(10).optional(),
		content: z.array(nodeSchema).max(10_000).optional()
	})
);
// Each node level is three JSON levels deep (node → content → array element).
export const notesDocSchema = z
	.unknown()
	.refine((v) => nestingDepth(v) <= NOTES_DEPTH_MAX * 3, 'validation_interview_notes_too_deep')
	.pipe(nodeSchema.refine((n) => n.type === 'doc', 'validation_interview_notes_malformed'));

export const saveNotesSchema = z.object({
	interviewId: interviewIdSchema,
	/** The notes revision the editor's text is based on; a newer one on the server is a conflict. */
	baseRevision: z.coerce.number('validation_interview_notes_revision').int('validation_interview_notes_revision').min(0, 'validation_interview_notes_revision'),
	doc: notesDocSchema
});

// ---------------------------------------------------------------------------------------------
// Candidate activities

const candidateFields = {
	title: z
		.string('validation_candidate_title_required')
		.trim()
		.min(1, 'validation_candidate_title_required')
		.max(CANDIDATE_TITLE_MAX, 'validation_candidate_title_too_long'),
	ambitionId: z.preprocess(
		emptyToNull,
		z.coerce
			.number('validation_candidate_ambition_required')
			.int('validation_candidate_ambition_unknown')
			.min(1, 'validation_candidate_ambition_unknown')
			.max(32767, 'validation_candidate_ambition_unknown')
			.nullable()
			.refine((v) => v !== null, 'validation_candidate_ambition_required')
			.transform((v) => v as number)
	),
	horizon: z.enum(horizons, { message: 'validation_candidate_horizon' }),
	meerwaarde: z.preprocess((v) => (v == null ? '' : v), z.string().trim().max(MEERWAARDE_MAX, 'validation_candidate_meerwaarde_too_long')),
	interested: z.preprocess(
		toArray,
		z
			.array(z.enum(municipalityIds, { message: 'validation_interview_municipality' }))
			.max(municipalityIds.length)
			.transform((ids) => municipalityIds.filter((id) => ids.includes(id)))
	)
};

export const captureCandidateSchema = z.object({ id: candidateIdSchema, interviewId: interviewIdSchema, ...candidateFields });
export const updateCandidateSchema = z.object({ candidateId: candidateIdSchema, ...candidateFields });
export const candidateRefSchema = z.object({ candidateId: candidateIdSchema });
export const attachCandidateSchema = z.object({
	candidateId: candidateIdSchema,
	itemId: z.uuid('validation_candidate_item_required')
});

// ---------------------------------------------------------------------------------------------
// Filters of the inventory overview, from the URL. Unknown values are dropped, never an error page.

const lenient = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToNull, schema.nullable()).catch(null);

export const inventoryFilterSchema = z.object({
	gemeente: lenient(z.enum(municipalityIds)),
	orgaan: lenient(z.enum(interviewBodies)),
	ambitie: lenient(z.coerce.number().int().min(1).max(32767)),
	horizon: lenient(z.enum(horizons)),
	zichtbaarheid: lenient(z.enum(interviewVisibilities))
});
export type InventoryFilter = z.output<typeof inventoryFilterSchema>;

export function inventoryFilterFrom(params: URLSearchParams): InventoryFilter {
	return inventoryFilterSchema.parse(Object.fromEntries(params));
}
