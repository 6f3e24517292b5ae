import { z } from 'zod';
import { municipalityIds } from '../roles';
import { isoDateSchema } from './agenda';
import {
	councilOutcomeSchema,
	positionKindSchema,
	positionKinds as positionKindsList,
	positionsNeedingReasons,
	signOffDecisionSchema
} from '../decisions/constants';

/** Messages are message keys (`validation_decisions_…`), translated where they are shown. */

const itemId = z.uuid('validation_decisions_item_unknown');
const municipalityId = z.enum(municipalityIds, { message: 'validation_decisions_municipality_unknown' });
const toArray = (v: unknown) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);
const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const text = (max: number) => z.string().trim().max(max, 'validation_decisions_text_too_long');

/** Conditions as a list: one per entry (a textarea may send them one per line); empty lines dropped. */
const conditionsSchema = z.preprocess(
	(v) =>
		toArray(v)
			.flatMap((x) => (typeof x === 'string' ? x.split(/\r?\n/) : [x]))
			.map((x) => (typeof x === 'string' ? x.trim() : x))
			.filter((x) => x !== ''),
	z.array(text(500)).max(20, 'validation_decisions_too_many_conditions')
);

export const setPositionSchema = z
	.object({
		itemId,
		municipalityId,
		position: positionKindSchema,
		reasons: text(4000).default(''),
		conditions: conditionsSchema.default([]),
		/** The municipality shares this position with the public (the public site shows it once the item is public). */
		sharedPublicly: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()).default(false)
	})
	.superRefine((v, ctx) => {
		if (positionsNeedingReasons.includes(v.position) && v.reasons === '')
			ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'validation_decisions_reasons_required' });
		if (v.position === 'steunt_onder_voorwaarden' && v.conditions.length === 0)
			ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'validation_decisions_conditions_required' });
	});

/** A date that is not after `today` (ISO strings compare as dates). */
export function notInFuture(today: string) {
	return isoDateSchema.refine((d) => d <= today, 'validation_decisions_date_in_future');
}

const urlSchema = z.preprocess(
	emptyToNull,
	z
		.url({ message: 'validation_decisions_url', protocol: /^https?$/ })
		.max(2000, 'validation_decisions_text_too_long')
		.nullable()
		.default(null)
);

const kenmerkSchema = z
	.string('validation_decisions_kenmerk_required')
	.trim()
	.min(1, 'validation_decisions_kenmerk_required')
	.max(100, 'validation_decisions_text_too_long');

const boolish = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

/** A college decision; `versionNumber` and `contentHash` are the version the college member saw. */
export function recordSignOffSchema(today: string) {
	return z
		.object({
			itemId,
			municipalityId,
			versionNumber: z.coerce.number('validation_decisions_version').int('validation_decisions_version').min(1, 'validation_decisions_version'),
			contentHash: z.string('validation_decisions_version').regex(/^[0-9a-f]{64}$/, 'validation_decisions_version'),
			decision: signOffDecisionSchema,
			conditions: conditionsSchema.default([]),
			reasons: text(4000).default(''),
			withdraw: boolish.default(false),
			meetingDate: notInFuture(today),
			kenmerk: kenmerkSchema,
			documentUrl: urlSchema
		})
		.superRefine((v, ctx) => {
			if (v.decision === 'akkoord_onder_voorwaarden' && v.conditions.length === 0)
				ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'validation_decisions_conditions_required' });
			if (v.decision === 'niet_akkoord' && v.reasons === '')
				ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'validation_decisions_reasons_required' });
			if (v.withdraw && v.decision !== 'niet_akkoord')
				ctx.addIssue({ code: 'custom', path: ['withdraw'], message: 'validation_decisions_withdraw_only_niet_akkoord' });
		});
}

export function recordCouncilDecisionSchema(today: string) {
	return z
		.object({
			itemId,
			municipalityId,
			meetingDate: notInFuture(today),
			outcome: councilOutcomeSchema,
			wensenEnBedenkingen: text(8000).default(''),
			kenmerk: kenmerkSchema
		})
		.superRefine((v, ctx) => {
			if (v.outcome === 'wensen_en_bedenkingen' && v.wensenEnBedenkingen === '')
				ctx.addIssue({ code: 'custom', path: ['wensenEnBedenkingen'], message: 'validation_decisions_wensen_required' });
		});
}

export const reportProgressSchema = z.object({
	itemId,
	percent: z.coerce
		.number('validation_decisions_percent')
		.int('validation_decisions_percent')
		.min(0, 'validation_decisions_percent')
		.max(100, 'validation_decisions_percent'),
	note: text(2000).default('')
});

/** Today in the Netherlands as an ISO date (a college meeting "today" is never in the future). */
export function todayInNl(now = new Date()): string {
	return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(now);
}

/** The filters of the position matrix from the query string; unknown values are ignored. */
export function matrixFilterFromSearchParams(sp: URLSearchParams) {
	const ambitie = Number(sp.get('ambitie'));
	const standpunt = z.enum(positionKindsList).safeParse(sp.get('standpunt'));
	const gemeente = z.enum(municipalityIds).safeParse(sp.get('gemeente'));
	return {
		ambitie: Number.isInteger(ambitie) && ambitie > 0 ? ambitie : null,
		standpunt: standpunt.success ? standpunt.data : null,
		gemeente: gemeente.success ? gemeente.data : null
	};
}
