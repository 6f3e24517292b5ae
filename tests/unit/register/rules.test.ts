import { describe, expect, it } from 'vitest';
import { addMonths, upcomingUntil } from '../../../src/lib/register/dates';
import { collaborationSchema, contributionSchema, participantsSchema } from '../../../src/lib/validation/register';
import { legalFormsByKind } from '../../../src/lib/register/constants';

const base = {
	name: 'Servicepunt71',
	kind: 'gr',
	legalForm: 'bedrijfsvoeringsorganisatie',
	steering: 'bedrijfsvoering',
	domain: 'Bedrijfsvoering',
	startsOn: '2012-01-01'
};

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
	Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('an arrangement’s own fields', () => {
	it('accepts a GR with a GR legal form, open-ended, without a notice term', () => {
		const r = collaborationSchema.safeParse(base);
		expect(r.success).toBe(true);
		expect(r.data).toMatchObject({ endsOn: null, noticeTerm: null, noticeUnit: null, ambitionIds: [], documents: [], leadMunicipalityId: null });
	});

	it.each(Object.entries(legalFormsByKind).flatMap(([kind, forms]) => forms.map((form) => [kind, form])))('accepts %s with %s', (kind, legalForm) => {
		expect(collaborationSchema.safeParse({ ...base, kind, legalForm }).success).toBe(true);
	});

	it('accepts an end on the start date, refuses one the day before', () => {
		expect(collaborationSchema.safeParse({ ...base, endsOn: '2012-01-01' }).success).toBe(true);
		expect(issues(collaborationSchema.safeParse({ ...base, endsOn: '2011-12-31' }))).toEqual({ endsOn: 'validation_register_ends_before_start' });
	});

	it('takes a notice term only with its unit', () => {
		expect(collaborationSchema.safeParse({ ...base, noticeTerm: 6, noticeUnit: 'maanden' }).success).toBe(true);
		expect(collaborationSchema.safeParse({ ...base, noticeTerm: 0, noticeUnit: 'jaren' }).success).toBe(true);
		expect(issues(collaborationSchema.safeParse({ ...base, noticeTerm: 6 }))).toEqual({ noticeUnit: 'validation_register_notice_unit_missing' });
		expect(issues(collaborationSchema.safeParse({ ...base, noticeTerm: 6, noticeUnit: '' }))).toEqual({
			noticeUnit: 'validation_register_notice_unit_missing'
		});
		expect(issues(collaborationSchema.safeParse({ ...base, noticeUnit: 'jaren' }))).toEqual({ noticeTerm: 'validation_register_notice_term' });
		expect(issues(collaborationSchema.safeParse({ ...base, noticeTerm: 2.5, noticeUnit: 'jaren' }))).toEqual({ noticeTerm: 'validation_register_notice_term' });
	});

	it('refuses a legal form of another kind, and any legal form on a light collaboration', () => {
		expect(issues(collaborationSchema.safeParse({ ...base, kind: 'convenant' }))).toEqual({ legalForm: 'validation_register_legal_form' });
		expect(issues(collaborationSchema.safeParse({ ...base, kind: 'licht' }))).toEqual({ legalForm: 'validation_register_legal_form' });
		expect(collaborationSchema.safeParse({ ...base, kind: 'licht', legalForm: '' }).success).toBe(true);
	});
});

describe('participants and contributions', () => {
	it("refuses a participant's notice term without a unit", () => {
		const r = participantsSchema.safeParse({ collaborationId: crypto.randomUUID(), municipalities: [{ municipalityId: 'leiden', noticeTerm: 3 }] });
		expect(issues(r)).toEqual({ 'municipalities.0.noticeUnit': 'validation_register_notice_unit_missing' });
	});

	it('asks a percentage of a contribution that follows custom percentages', () => {
		const c = { collaborationId: crypto.randomUUID(), municipalityId: 'leiden', year: 2026, cents: 100, key: 'maatwerk' };
		expect(issues(contributionSchema.safeParse(c))).toEqual({ shareBp: 'validation_register_percentages_missing' });
		expect(contributionSchema.safeParse({ ...c, shareBp: 2500 }).success).toBe(true);
		expect(issues(contributionSchema.safeParse({ ...c, shareBp: 10001 }))).toEqual({ shareBp: 'validation_register_percentages_missing' });
	});
});

describe('the six months ahead', () => {
	it.each([
		['2026-03-15', 6, '2026-09-15'],
		['2026-08-31', 6, '2027-02-28'],
		['2027-08-31', 6, '2028-02-29'],
		['2026-12-31', 1, '2027-01-31'],
		['2026-01-31', 1, '2026-02-28']
	])('%s plus %i months is %s', (from, months, to) => {
		expect(addMonths(from, months)).toBe(to);
	});

	it('counts six months from today', () => expect(upcomingUntil('2026-03-15')).toBe('2026-09-15'));
});
