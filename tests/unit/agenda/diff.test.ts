import { describe, expect, it } from 'vitest';
import { diffContents } from '../../../src/lib/server/modules/agenda-items/diff';
import type { ItemContent } from '../../../src/lib/server/modules/agenda-items/content';

const base: ItemContent = {
	format: 1,
	itemId: '00000000-0000-4000-8000-000000000001',
	ambitionId: 1,
	title: 'Regionale woningbouwversnelling',
	summary: 'Samen 10.000 woningen',
	description: { html: '<p>Leiden heeft 10.000 woningen nodig.</p>', text: 'Leiden heeft 10.000 woningen nodig.' },
	meerwaarde: { html: '', text: '' },
	horizon: 'voor_verkiezingen',
	trekkerId: 'leiden',
	status: 'concept',
	startDate: '2026-01-01',
	endDate: '2026-12-31',
	costEstimateCents: 100_000,
	verdeelsleutel: 'inwoners',
	contributions: [],
	participants: [{ municipalityId: 'leiden', customShareBp: null }],
	milestones: [{ title: 'Start', dueDate: '2026-02-01', done: false }],
	links: [],
	tags: ['wonen'],
	people: []
};

describe('diffContents', () => {
	it('says two equal contents are identical', () => {
		const d = diffContents(base, structuredClone(base));
		expect(d).toEqual({ scalars: [], lists: [], texts: [], identical: true });
	});

	it('lists changed fields with before and after', () => {
		const d = diffContents(base, { ...base, title: 'Woningbouw', status: 'in_bespreking', costEstimateCents: 200_000 });
		expect(d.scalars).toEqual([
			{ field: 'title', before: 'Regionale woningbouwversnelling', after: 'Woningbouw' },
			{ field: 'status', before: 'concept', after: 'in_bespreking' },
			{ field: 'costEstimateCents', before: 100_000, after: 200_000 }
		]);
		expect(d.identical).toBe(false);
	});

	it('lists added and removed entries of lists', () => {
		const d = diffContents(base, {
			...base,
			participants: [...base.participants, { municipalityId: 'oegstgeest', customShareBp: null }],
			milestones: [{ title: 'Start', dueDate: '2026-02-01', done: true }],
			tags: []
		});
		expect(d.lists).toEqual([
			{ field: 'participants', added: [{ municipalityId: 'oegstgeest', customShareBp: null }], removed: [] },
			{
				field: 'milestones',
				added: [{ title: 'Start', dueDate: '2026-02-01', done: true }],
				removed: [{ title: 'Start', dueDate: '2026-02-01', done: false }]
			},
			{ field: 'tags', added: [], removed: ['wonen'] }
		]);
	});

	it('diffs texts word by word', () => {
		const d = diffContents(base, {
			...base,
			description: { html: '<p>Leiden heeft 12.000 woningen nodig.</p>', text: 'Leiden heeft 12.000 woningen nodig.' }
		});
		expect(d.texts).toHaveLength(1);
		const parts = d.texts[0].parts;
		expect(parts.filter((p) => p.kind === 'removed').map((p) => p.value.trim())).toEqual(['10']);
		expect(parts.filter((p) => p.kind === 'added').map((p) => p.value.trim())).toEqual(['12']);
		expect(
			parts
				.filter((p) => p.kind !== 'added')
				.map((p) => p.value)
				.join('')
		).toBe(base.description.text);
	});

	it('names scenarios added, changed and a new proposal as list changes; none without scenarios', () => {
		const option = (id: string, title: string) => ({
			id,
			title,
			description: '',
			descriptionHtml: '',
			oneOffCents: 0,
			yearlyCents: 100,
			verdeelsleutel: null,
			collaborationId: null
		});
		const a = { ...base, scenarios: { options: [option('s1', 'Behouden'), option('s2', 'Samenwerken')], proposedId: null } };
		const b = { ...base, scenarios: { options: [option('s1', 'Behouden'), option('s2', 'Samenwerken'), option('s3', 'Samengaan')], proposedId: 's2' } };
		const d = diffContents(a, b);
		const list = d.lists.find((l) => l.field === 'scenarios');
		expect(list?.added).toEqual([
			{ title: 'Samenwerken', description: '', oneOffCents: 0, yearlyCents: 100, verdeelsleutel: null, collaborationId: null, proposed: true },
			{ title: 'Samengaan', description: '', oneOffCents: 0, yearlyCents: 100, verdeelsleutel: null, collaborationId: null, proposed: false }
		]);
		expect(list?.removed).toEqual([
			{ title: 'Samenwerken', description: '', oneOffCents: 0, yearlyCents: 100, verdeelsleutel: null, collaborationId: null, proposed: false }
		]);
		expect(diffContents(base, structuredClone(base)).lists).toEqual([]);
		expect(diffContents(base, a).lists.map((l) => l.field)).toEqual(['scenarios']);
	});

	it('names a scenario whose co-edited description changed', () => {
		const a = {
			...base,
			scenarios: {
				options: [
					{
						id: 's1',
						title: 'Behouden',
						description: 'Oud',
						descriptionHtml: '<p>Oud</p>',
						oneOffCents: 0,
						yearlyCents: 0,
						verdeelsleutel: null,
						collaborationId: null
					}
				],
				proposedId: null
			}
		};
		const b = structuredClone(a);
		Object.assign(b.scenarios.options[0], { description: 'Nieuw', descriptionHtml: '<p>Nieuw</p>' });
		const list = diffContents(a, b).lists.find((l) => l.field === 'scenarios');
		expect(list?.added).toEqual([expect.objectContaining({ title: 'Behouden', description: 'Nieuw' })]);
		expect(list?.removed).toEqual([expect.objectContaining({ title: 'Behouden', description: 'Oud' })]);
	});
});
