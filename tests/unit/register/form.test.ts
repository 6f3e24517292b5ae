import { describe, expect, it } from 'vitest';
import {
	collaborationFormValues,
	collaborationFromForm,
	contributionFromForm,
	participantsFromForm,
	seatsFromForm,
	splitFromForm
} from '../../../src/lib/register/form';
import { collaborationSchema } from '../../../src/lib/validation/register';
import { contributionYears } from '../../../src/lib/register/views';

describe('the register forms as command payloads', () => {
	const sent = {
		name: 'Holland Rijnland',
		kind: 'gr',
		legalForm: 'openbaar_lichaam',
		steering: 'beleidsvoering',
		domain: 'Ruimte',
		ambitionIds: ['1', '6'],
		leadMunicipalityId: '',
		startsOn: '2024-01-01',
		endsOn: '2030-12-31',
		noticeTerm: '2',
		noticeUnit: 'jaren',
		doc_title: ['Regeling', '', ''],
		doc_url: ['https://example.org/r.pdf', '', '']
	};

	it('reads the create form: numbers as numbers, empty document rows left out, and the schema accepts it', () => {
		const input = collaborationFromForm(sent);
		expect(input).toMatchObject({
			ambitionIds: [1, 6],
			noticeTerm: 2,
			endsOn: '2030-12-31',
			documents: [{ title: 'Regeling', url: 'https://example.org/r.pdf' }]
		});
		expect(collaborationSchema.safeParse(input).success).toBe(true);
	});

	it('open-ended wins over a typed end date; a notice term that is no number reaches the schema as NaN (refused there)', () => {
		expect(collaborationFromForm({ ...sent, openEnded: 'on' }).endsOn).toBe('');
		const bad = collaborationSchema.safeParse(collaborationFromForm({ ...sent, noticeTerm: 'twee' }));
		expect(bad.success).toBe(false);
		expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual(['noticeTerm', 'validation_register_notice_term']);
	});

	it('the edit form starts from the arrangement and reads back to the same payload', () => {
		const row = {
			id: '7a0e8f3e-7c55-4a53-9d7e-6f1f6c1b2a10',
			revision: 3,
			name: 'Servicepunt71',
			kind: 'gr',
			legalForm: 'bedrijfsvoeringsorganisatie',
			steering: 'bedrijfsvoering',
			domain: 'Bedrijfsvoering',
			leadMunicipalityId: 'leiden',
			startsOn: '2012-01-01',
			endsOn: null,
			noticeTerm: null,
			noticeUnit: null,
			documents: [{ title: 'Regeling', url: 'https://example.org/r.pdf' }]
		};
		const parsed = collaborationSchema.parse(collaborationFromForm(collaborationFormValues(row, [7])));
		expect(parsed).toMatchObject({
			collaborationId: row.id,
			revision: 3,
			ambitionIds: [7],
			endsOn: null,
			noticeTerm: null,
			noticeUnit: null,
			documents: row.documents
		});
	});

	it('reads participants (ticked municipalities only), amounts in Dutch euros, and outside parties', () => {
		const input = participantsFromForm({
			collaborationId: 'x',
			mun_leiden: 'on',
			mun_leiden_exit: '€ 125.000,50',
			mun_leiden_term: '2',
			mun_leiden_unit: 'jaren',
			mun_oegstgeest_exit: '99',
			outside: ['Katwijk', ' ']
		});
		expect(input).toEqual({
			collaborationId: 'x',
			municipalities: [{ municipalityId: 'leiden', exitCostCents: 125_000_50, noticeTerm: 2, noticeUnit: 'jaren' }],
			outside: ['Katwijk']
		});
	});

	it('reads the split (percentages only for the custom key) and a municipality’s own contribution', () => {
		expect(splitFromForm({ collaborationId: 'x', year: '2026', key: 'maatwerk', total: '200.000', share_leiden: '60', share_oegstgeest: '33,5' })).toEqual({
			collaborationId: 'x',
			year: 2026,
			key: 'maatwerk',
			totalCents: 200_000_00,
			shares: [
				{ municipalityId: 'leiden', shareBp: 6000 },
				{ municipalityId: 'oegstgeest', shareBp: 3350 }
			]
		});
		expect(splitFromForm({ year: '2026', key: 'gelijk', total: 'veel', share_leiden: '60' })).toMatchObject({ totalCents: Number.NaN, shares: [] });
		expect(contributionFromForm({ municipalityId: 'leiden', year: '2027', amount: '1.000', key: 'inwoners', share: '' })).toMatchObject({
			cents: 1000_00,
			shareBp: null
		});
	});

	it('reads board members and rapporteurs, leaving out empty rows', () => {
		const input = seatsFromForm({
			municipalityId: 'leiden',
			seat_name: ['Carla College', ''],
			seat_board: ['db', 'ab'],
			seat_role: ['college', 'college'],
			seat_user: ['', ''],
			rapporteur_name: ['', 'Kees'],
			rapporteur_user: ['', '']
		});
		expect(input).toMatchObject({
			seats: [{ name: 'Carla College', board: 'db', holderRole: 'college', userId: '' }],
			rapporteurs: [{ name: 'Kees', userId: '' }]
		});
	});
});

describe('the arrangement page’s years of contributions', () => {
	it('groups by year, newest first, each with its total', () => {
		const row = (municipalityId: string, year: number, cents: number) => ({ municipalityId, year, cents, key: 'gelijk', shareBp: null });
		const years = contributionYears([row('leiden', 2025, 100), row('oegstgeest', 2025, 50), row('leiden', 2026, 300)]);
		expect(years.map((y) => [y.year, y.rows.length, y.totalCents])).toEqual([
			[2026, 1, 300],
			[2025, 2, 150]
		]);
	});
});
