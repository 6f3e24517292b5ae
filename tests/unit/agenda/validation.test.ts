import { describe, expect, it } from 'vitest';
import { createItemSchema, filterFromSearchParams, itemPatchFromForm, updateItemSchema } from '../../../src/lib/validation/agenda';
import { parse } from '../../../src/lib/server/validate';
import { ValidationError } from '../../../src/lib/server/errors';

const id = '00000000-0000-4000-8000-000000000001';

function fieldsOf(fn: () => unknown): Record<string, string> {
	try {
		fn();
	} catch (err) {
		if (err instanceof ValidationError) return err.fields;
		throw err;
	}
	throw new Error('expected a ValidationError');
}

describe('agenda validation', () => {
	it('refuses an empty or a 500-character title with message keys', () => {
		expect(fieldsOf(() => parse(createItemSchema, { ambitionId: 1, title: '  ', horizon: 'voor_verkiezingen' }))).toEqual({
			title: 'validation_agenda_title_required'
		});
		expect(fieldsOf(() => parse(createItemSchema, { ambitionId: 1, title: 'x'.repeat(500), horizon: 'voor_verkiezingen' }))).toEqual({
			title: 'validation_agenda_title_too_long'
		});
	});

	it('refuses an unknown horizon, municipality or a malformed ambition', () => {
		const f = fieldsOf(() => parse(createItemSchema, { ambitionId: 'x', title: 'T', horizon: 'ooit', trekkerId: 'amsterdam' }));
		expect(f).toEqual({
			ambitionId: 'validation_agenda_ambition_unknown',
			horizon: 'validation_agenda_horizon',
			trekkerId: 'validation_agenda_municipality_unknown'
		});
	});

	it('accepts a form without trekker and summary', () => {
		expect(parse(createItemSchema, { ambitionId: '3', title: ' Fietsroutes ', horizon: 'na_verkiezingen', trekkerId: '' })).toEqual({
			ambitionId: 3,
			title: 'Fietsroutes',
			summary: '',
			horizon: 'na_verkiezingen',
			trekkerId: null
		});
	});

	it('refuses an update without any field, or with a bad date', () => {
		expect(fieldsOf(() => parse(updateItemSchema, { itemId: id, revision: 1 }))).toEqual({ _: 'validation_agenda_nothing_changed' });
		expect(fieldsOf(() => parse(updateItemSchema, { itemId: id, revision: 1, startDate: '2026-02-30' }))).toEqual({
			startDate: 'validation_agenda_date'
		});
	});

	it('turns the planning form into milestones, skipping empty rows', () => {
		const patch = itemPatchFromForm({
			section: 'planning',
			itemId: id,
			revision: '4',
			startDate: '2026-01-01',
			endDate: '',
			milestone_title: ['Start', 'Besluit', ''],
			milestone_date: ['2026-01-15', '2026-06-01', ''],
			milestone_done: ['0']
		});
		expect(parse(updateItemSchema, patch)).toEqual({
			itemId: id,
			revision: 4,
			startDate: '2026-01-01',
			endDate: null,
			milestones: [
				{ title: 'Start', dueDate: '2026-01-15', done: true },
				{ title: 'Besluit', dueDate: '2026-06-01', done: false }
			]
		});
	});

	it('turns the costs form into cents and basis points, and flags an unreadable amount on its field', () => {
		const patch = itemPatchFromForm({
			section: 'kosten',
			itemId: id,
			revision: '2',
			costEstimate: '400.000',
			verdeelsleutel: 'maatwerk',
			contribution_label: 'Provincie',
			contribution_amount: '100.000',
			share_municipality: ['leiden', 'oegstgeest'],
			share_percentage: ['75', '25']
		});
		expect(parse(updateItemSchema, patch)).toMatchObject({
			costEstimateCents: 40_000_000,
			contributions: [{ label: 'Provincie', amountCents: 10_000_000 }],
			shares: [
				{ municipalityId: 'leiden', customShareBp: 7500 },
				{ municipalityId: 'oegstgeest', customShareBp: 2500 }
			]
		});
		const bad = itemPatchFromForm({ section: 'kosten', itemId: id, revision: '2', costEstimate: 'veel', verdeelsleutel: 'gelijk' });
		expect(fieldsOf(() => parse(updateItemSchema, bad))).toEqual({ costEstimateCents: 'validation_agenda_amount' });
	});

	it('reads filters from the URL leniently', () => {
		expect(filterFromSearchParams(new URLSearchParams('ambitie=2&status=vastgesteld&gemeente=leiden&q=%20fiets%20'))).toEqual({
			ambitie: 2,
			status: 'vastgesteld',
			gemeente: 'leiden',
			trekker: null,
			horizon: null,
			q: 'fiets'
		});
		expect(filterFromSearchParams(new URLSearchParams('ambitie=abc&status=onzin&trekker=parijs'))).toEqual({
			ambitie: null,
			status: null,
			gemeente: null,
			trekker: null,
			horizon: null,
			q: null
		});
	});
});
