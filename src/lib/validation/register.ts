import { z } from 'zod';
import { municipalityIds } from '../roles';
import { verdeelsleutels } from '../agenda/constants';
import {
	boards,
	collaborationKinds,
	cycleMomentKinds,
	legalForms,
	legalFormsByKind,
	noticeUnits,
	seatHolderRoles,
	steerings,
	type CollaborationKind
} from '../register/constants';

/** The register of joint arrangements: the payloads of every command. Messages are message keys. */

export const REGISTER_NAME_MAX = 200;
const LIST_MAX = 50;

const emptyToNull = (v: unknown) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : v);

export const collaborationIdSchema = z.uuid('validation_register_unknown');
const municipalityId = z.enum(municipalityIds, { message: 'validation_register_municipality' });
const personName = z
	.string('validation_register_person_required')
	.trim()
	.min(1, 'validation_register_person_required')
	.max(200, 'validation_register_person_required');
const cents = z
	.number('validation_register_amount')
	.int('validation_register_amount')
	.min(0, 'validation_register_amount')
	.max(Number.MAX_SAFE_INTEGER, 'validation_register_amount');
const revision = z.number('validation_register_revision').int('validation_register_revision').min(1, 'validation_register_revision');

/** An ISO calendar date (`2026-03-31`) that exists. */
export const registerDateSchema = z
	.string('validation_register_date')
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'validation_register_date')
	.refine((s) => {
		const d = new Date(`${s}T00:00:00Z`);
		return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
	}, 'validation_register_date');

/**
 * A notice term: a number with its unit, or nothing at all. A number without a unit is refused (three
 * months and three years are not the same promise); a unit without a number is refused too.
 */
const noticeFields = {
	noticeTerm: z
		.preprocess(
			emptyToNull,
			z
				.number('validation_register_notice_term')
				.int('validation_register_notice_term')
				.min(0, 'validation_register_notice_term')
				.max(120, 'validation_register_notice_term')
				.nullable()
		)
		.default(null),
	noticeUnit: z.preprocess(emptyToNull, z.enum(noticeUnits, { message: 'validation_register_notice_unit_missing' }).nullable()).default(null)
};

function checkNotice(v: { noticeTerm: number | null; noticeUnit: string | null }, ctx: z.RefinementCtx, path: (string | number)[] = []) {
	if (v.noticeTerm !== null && v.noticeUnit === null)
		ctx.addIssue({ code: 'custom', path: [...path, 'noticeUnit'], message: 'validation_register_notice_unit_missing' });
	if (v.noticeTerm === null && v.noticeUnit !== null)
		ctx.addIssue({ code: 'custom', path: [...path, 'noticeTerm'], message: 'validation_register_notice_term' });
}

/** A document link: a title and an https address (the arrangement's documents, a board meeting's). */
export const documentSchema = z.object(
	{
		title: z.string('validation_register_document').trim().min(1, 'validation_register_document').max(200, 'validation_register_document'),
		url: z.url({ message: 'validation_register_document', protocol: /^https$/ }).max(2000, 'validation_register_document')
	},
	'validation_register_document'
);

/** An arrangement's own fields: what the create and edit forms send (`collaborationId` + `revision` on edit). */
export const collaborationSchema = z
	.object({
		collaborationId: collaborationIdSchema.optional(),
		revision: revision.optional(),
		name: z
			.string('validation_register_name_required')
			.trim()
			.min(1, 'validation_register_name_required')
			.max(REGISTER_NAME_MAX, 'validation_register_name_too_long'),
		kind: z.enum(collaborationKinds, { message: 'validation_register_kind' }),
		legalForm: z.preprocess(emptyToNull, z.enum(legalForms as [string, ...string[]], { message: 'validation_register_legal_form' }).nullable()).default(null),
		steering: z.enum(steerings, { message: 'validation_register_steering' }),
		domain: z
			.string('validation_register_domain_required')
			.trim()
			.min(1, 'validation_register_domain_required')
			.max(200, 'validation_register_domain_required'),
		ambitionIds: z
			.array(
				z
					.number('validation_register_ambition')
					.int('validation_register_ambition')
					.min(1, 'validation_register_ambition')
					.max(7, 'validation_register_ambition'),
				'validation_register_ambition'
			)
			.max(7, 'validation_register_ambition')
			.default([]),
		leadMunicipalityId: z.preprocess(emptyToNull, municipalityId.nullable()).default(null),
		startsOn: registerDateSchema,
		endsOn: z.preprocess(emptyToNull, registerDateSchema.nullable()).default(null),
		...noticeFields,
		documents: z.array(documentSchema, 'validation_register_document').max(LIST_MAX, 'validation_register_too_many').default([])
	})
	.superRefine((v, ctx) => {
		// A light collaboration has no legal form; the others have one of their own kind's forms.
		const forms: readonly string[] = legalFormsByKind[v.kind as CollaborationKind];
		if (forms.length ? !v.legalForm || !forms.includes(v.legalForm) : v.legalForm !== null)
			ctx.addIssue({ code: 'custom', path: ['legalForm'], message: 'validation_register_legal_form' });
		if (v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'validation_register_ends_before_start' });
		if (new Set(v.ambitionIds).size !== v.ambitionIds.length) ctx.addIssue({ code: 'custom', path: ['ambitionIds'], message: 'validation_register_ambition' });
		checkNotice(v, ctx);
	});

/** Ending an arrangement: the date it ends and why. */
export const endCollaborationSchema = z.object({
	collaborationId: collaborationIdSchema,
	revision,
	endsOn: registerDateSchema,
	reason: z.string('validation_register_note_too_long').trim().max(500, 'validation_register_note_too_long').default('')
});

const municipalParticipant = z
	.object({ municipalityId, exitCostCents: z.preprocess(emptyToNull, cents.nullable()).default(null), ...noticeFields })
	.superRefine((v, ctx) => checkNotice(v, ctx));

/** Who takes part: which of the five (with exit cost and notice term), and the parties outside the region by name. */
export const participantsSchema = z
	.object({
		collaborationId: collaborationIdSchema,
		municipalities: z.array(municipalParticipant, 'validation_register_municipality').max(municipalityIds.length, 'validation_register_duplicate'),
		outside: z
			.array(
				z.string('validation_register_outside_name').trim().min(1, 'validation_register_outside_name').max(200, 'validation_register_outside_name'),
				'validation_register_outside_name'
			)
			.max(LIST_MAX, 'validation_register_too_many')
			.default([])
	})
	.superRefine((v, ctx) => {
		if (new Set(v.municipalities.map((p) => p.municipalityId)).size !== v.municipalities.length)
			ctx.addIssue({ code: 'custom', path: ['municipalities'], message: 'validation_register_duplicate' });
		if (new Set(v.outside.map((n) => n.toLocaleLowerCase('nl'))).size !== v.outside.length)
			ctx.addIssue({ code: 'custom', path: ['outside'], message: 'validation_register_duplicate' });
	});

const year = z.number('validation_register_year').int('validation_register_year').min(2000, 'validation_register_year').max(2100, 'validation_register_year');
const key = z.enum(verdeelsleutels, { message: 'validation_register_key' });
const shareBp = z
	.number('validation_register_percentages_missing')
	.int('validation_register_percentages_missing')
	.min(0, 'validation_register_percentages_missing')
	.max(10_000, 'validation_register_percentages_missing');

/**
 * A year's total split over the participating municipalities by a key; with `maatwerk`, each participant's
 * share in basis points (they must add up to exactly 100 %, checked with the participants known).
 */
export const contributionsSplitSchema = z.object({
	collaborationId: collaborationIdSchema,
	year,
	key,
	totalCents: cents,
	shares: z
		.array(z.object({ municipalityId, shareBp }), 'validation_register_percentages_missing')
		.max(municipalityIds.length, 'validation_register_duplicate')
		.default([])
});

/** One municipality's contribution in a year, as its own officials record it (from its own budget). */
export const contributionSchema = z
	.object({ collaborationId: collaborationIdSchema, municipalityId, year, cents, key, shareBp: z.preprocess(emptyToNull, shareBp.nullable()).default(null) })
	.superRefine((v, ctx) => {
		if (v.key === 'maatwerk' && v.shareBp === null) ctx.addIssue({ code: 'custom', path: ['shareBp'], message: 'validation_register_percentages_missing' });
	});

const boardSeat = z.object({
	board: z.enum(boards, { message: 'validation_register_seat' }),
	name: personName,
	userId: z.preprocess(emptyToNull, z.uuid('validation_register_user_unknown').nullable()).default(null),
	holderRole: z.enum(seatHolderRoles, { message: 'validation_register_holder_role' })
});
const rapporteur = z.object({ name: personName, userId: z.preprocess(emptyToNull, z.uuid('validation_register_user_unknown').nullable()).default(null) });

/** One municipality's people on an arrangement: its AB/DB members and its council's rapporteurs (all replaced). */
export const seatsSchema = z.object({
	collaborationId: collaborationIdSchema,
	municipalityId,
	seats: z.array(boardSeat, 'validation_register_seat').max(20, 'validation_register_too_many').default([]),
	rapporteurs: z.array(rapporteur, 'validation_register_person_required').max(10, 'validation_register_too_many').default([])
});

/** A decision moment of the cycle; `momentId` when changing or removing one. */
export const momentSchema = z.object({
	collaborationId: collaborationIdSchema,
	kind: z.enum(cycleMomentKinds, { message: 'validation_register_moment_kind' }),
	on: registerDateSchema,
	municipalityId: z.preprocess(emptyToNull, municipalityId.nullable()).default(null),
	note: z.string('validation_register_note_too_long').trim().max(500, 'validation_register_note_too_long').default('')
});
export const momentChangeSchema = momentSchema.extend({ momentId: z.uuid('validation_register_unknown') });
export const momentRemoveSchema = z.object({ collaborationId: collaborationIdSchema, momentId: z.uuid('validation_register_unknown') });

/** The register's filters (a list page's query). */
export const registerFilterSchema = z.object({
	municipalityId: z.preprocess(emptyToNull, municipalityId.nullable()).default(null),
	kind: z.preprocess(emptyToNull, z.enum(collaborationKinds, { message: 'validation_register_kind' }).nullable()).default(null),
	domain: z.preprocess(emptyToNull, z.string().trim().max(200, 'validation_register_domain_required').nullable()).default(null)
});
