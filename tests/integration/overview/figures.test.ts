/**
 * The start page's overview of the region on the demo data: every figure is the list it summarises counted.
 * Per ambition the counts per status are what the agenda lists for `?ambitie=&status=`, the progress is each
 * item's own; the heat map is the position matrix; per municipality the college's and council's progress are
 * what its overview and its griffie's list hold; the costs are each item's own split summed. The number of
 * queries does not grow with the number of items.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { agendaItems, users } from '../../../src/lib/server/db/schema';
import { seedDemoAgenda } from '../../../src/lib/server/seed/demo-agenda';
import { seedDemoMeetings } from '../../../src/lib/server/seed/demo-meetings';
import { seedDemoRegister } from '../../../src/lib/server/seed/demo-register';
import { loadActor } from '../../../src/lib/server/modules/users';
import { getItem, listItems, transitionItem, updateItemFields } from '../../../src/lib/server/modules/agenda-items';
import { getItemDecisions, municipalityOverview, municipalityOverviews, positionMatrix } from '../../../src/lib/server/modules/decisions';
import { myWork } from '../../../src/lib/server/modules/my-work';
import * as overview from '../../../src/lib/server/modules/overview';
import { filterFromSearchParams } from '../../../src/lib/validation/agenda';
import { itemStatuses, type ItemStatus } from '../../../src/lib/agenda/constants';
import { municipalityIds } from '../../../src/lib/roles';
import type { Actor } from '../../../src/lib/server/permissions';
import { newItem } from '../agenda/helpers';

let t: TestDb;
let queries = 0;
const counting: Logger = { logQuery: () => void (queries += 1) };
let reader: Actor;
let verkenner: Actor;
let griffies: Record<string, NewUser>;

beforeAll(async () => {
	t = await testDb({ demo: true, logger: counting });
	await seedDemoAgenda(t.db);
	await seedDemoMeetings(t.db);
	await seedDemoRegister(t.db);
	const byEmail = async (prefix: string) => {
		const all = await t.db.select().from(users);
		return loadActor(
			t.db,
			all.find((u) => u.email.startsWith(prefix))!
		);
	};
	reader = await byEmail('meelezer.leiden@');
	verkenner = await byEmail('verkenner@');
	griffies = Object.fromEntries(await Promise.all(municipalityIds.map(async (id) => [id, await newUser(t.db, [['griffie', id]])] as const)));
}, 180_000);
afterAll(() => destroy(t));

const filter = (query: string) => filterFromSearchParams(new URLSearchParams(query));

describe('per ambition', () => {
	it('counts the items per status exactly as the agenda filtered on that ambition and status lists them', async () => {
		const figures = await overview.ambitionFigures(t.db, reader);
		expect(figures.map((a) => a.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		let seen = 0;
		for (const a of figures) {
			const all = await listItems(t.db, reader, filter(`ambitie=${a.id}`));
			expect(a.total).toBe(all.matching);
			for (const status of itemStatuses) {
				const listed = await listItems(t.db, reader, filter(`ambitie=${a.id}&status=${status}`));
				expect(a.byStatus[status], `ambitie ${a.id}, ${status}`).toBe(listed.matching);
				expect(listed.groups[0].items.every((i) => i.status === status && i.ambitionId === a.id)).toBe(true);
				seen += a.byStatus[status];
			}
		}
		expect(seen).toBe((await listItems(t.db, reader, filter(''))).total);
	});

	it('shows each item in execution with the progress its own page reports, and the mean of those reported', async () => {
		const figures = await overview.ambitionFigures(t.db, reader);
		const executing = await listItems(t.db, reader, filter('status=in_uitvoering'));
		const listed = executing.groups.flatMap((g) => g.items);
		expect(listed.length).toBeGreaterThan(0);
		expect(figures.flatMap((a) => a.execution.items.map((i) => i.id)).sort()).toEqual(listed.map((i) => i.id).sort());
		for (const a of figures)
			for (const item of a.execution.items) {
				const own = await getItemDecisions(t.db, reader, item.id);
				expect(item.percent).toBe(own.progress?.percent ?? null);
			}
		// The demo's Sociaal domein is at 35 %.
		const social = figures.flatMap((a) => a.execution.items).find((i) => i.title.startsWith('Sociaal domein'));
		expect(social?.percent).toBe(35);
		const withSocial = figures.find((a) => a.execution.items.some((i) => i.id === social!.id))!;
		const reported = withSocial.execution.items.flatMap((i) => (i.percent === null ? [] : [i.percent]));
		expect(withSocial.execution.averagePercent).toBe(Math.round(reported.reduce((x, y) => x + y, 0) / reported.length));
	});
});

describe('the region at a glance', () => {
	it('draws the heat map from the position matrix itself', async () => {
		const o = await overview.regionOverview(t.db, reader);
		expect(o.matrix).toEqual(await positionMatrix(t.db, reader));
		const woningbouw = o.matrix.groups.flatMap((g) => g.items).find((i) => i.title.startsWith('Versnelling woningbouw'))!;
		expect(woningbouw.positions).toMatchObject({ leiden: 'steunt', leiderdorp: 'steunt_onder_voorwaarden', oegstgeest: 'bezwaar', voorschoten: 'neutraal' });
	});

	it('counts each college’s decisions as its municipality’s overview lists them, and what it takes part in as the agenda does', async () => {
		const progress = await overview.decisionProgress(t.db, reader);
		expect(progress.map((p) => p.id)).toEqual([...municipalityIds]);
		const roundItems = (await listItems(t.db, reader, filter(''))).groups
			.flatMap((g) => g.items)
			.filter((i) => (['gereed_voor_besluitvorming', 'vastgesteld', 'in_uitvoering', 'afgerond'] as ItemStatus[]).includes(i.status));
		for (const p of progress) {
			const own = (await municipalityOverview(t.db, reader, p.id))!;
			expect(p.signOff.awaiting).toBe(own.awaiting.length);
			const valid = new Set(own.signed.filter((s) => !s.voided && s.status !== 'afgewezen' && s.status !== 'in_bespreking').map((s) => s.itemId));
			expect(p.signOff.signed).toBe(valid.size);
			// Every item up for decision or adopted that it takes part in is either signed or awaited.
			expect(p.signOff.signed + p.signOff.awaiting).toBe(roundItems.filter((i) => i.participants.includes(p.id)).length);
		}
		// The demo: Ruimte voor de energietransitie waits for Leiden's college; the Omgevingsvisie and Sociaal domein are signed by all five.
		expect(progress.find((p) => p.id === 'leiden')?.signOff).toEqual({ signed: 2, awaiting: 1 });
		// The five read at once are the five read one by one.
		const one = await Promise.all(municipalityIds.map((id) => municipalityOverview(t.db, reader, id)));
		expect(await municipalityOverviews(t.db, reader, [...municipalityIds])).toEqual(one);
		const quick = await municipalityOverviews(t.db, reader, [...municipalityIds], { currentText: false });
		expect(quick.map((o) => ({ ...o, signed: o.signed.map((x) => ({ ...x, currentDiffers: false })) }))).toEqual(
			one.map((o) => ({ ...o!, signed: o!.signed.map((x) => ({ ...x, currentDiffers: false })) }))
		);
	});

	it('counts each council’s follow-up as its overview records it, and what awaits it as its griffie’s list', async () => {
		const progress = await overview.decisionProgress(t.db, reader);
		for (const p of progress) {
			const own = (await municipalityOverview(t.db, reader, p.id))!;
			expect(p.council.recorded).toBe(new Set(own.council.map((c) => c.itemId)).size);
			expect(Object.values(p.council.byOutcome).reduce((x, y) => x + y, 0)).toBe(p.council.recorded);
			expect(p.council.awaiting).toBe((await myWork(t.db, griffies[p.id].actor)).council.length);
		}
		const leiderdorp = progress.find((p) => p.id === 'leiderdorp')!;
		expect(leiderdorp.council.byOutcome.wensen_en_bedenkingen).toBe(1);
		expect(progress.find((p) => p.id === 'leiden')!.council.awaiting).toBe(1);
	});

	it('sums per municipality each item’s own cost split (the item page’s), apart for adopted items and proposals', async () => {
		const costs = await overview.costFigures(t.db, reader);
		const rows = await t.db.select({ id: agendaItems.id, status: agendaItems.status, cents: agendaItems.costEstimateCents }).from(agendaItems);
		const expected = new Map<string, { adopted: number; planned: number }>(municipalityIds.map((id) => [id, { adopted: 0, planned: 0 }]));
		let counted = 0;
		const unsplit: string[] = [];
		for (const row of rows.filter((r) => r.status !== 'afgewezen' && Number(r.cents) > 0)) {
			const { costs: split } = await getItem(t.db, reader, row.id);
			if (!split.ok) {
				unsplit.push(row.id);
				continue;
			}
			counted += 1;
			const adopted = ['vastgesteld', 'in_uitvoering', 'afgerond'].includes(row.status);
			for (const share of split.split.shares) expected.get(share.municipalityId)![adopted ? 'adopted' : 'planned'] += share.cents;
		}
		expect(counted).toBeGreaterThan(0);
		expect(costs.counted).toBe(counted);
		expect(costs.unsplit.map((u) => u.id).sort()).toEqual(unsplit.sort());
		expect(costs.municipalities.map((m) => [m.id, { adopted: m.adoptedCents, planned: m.plannedCents }])).toEqual([...expected.entries()]);
	});

	it('reads the whole overview in the same number of queries with more items', async () => {
		queries = 0;
		await overview.regionOverview(t.db, reader);
		const before = queries;
		for (const [i, status] of (['concept', 'in_bespreking', 'in_bespreking'] as const).entries()) {
			const id = await newItem(t.db, verkenner, { title: `Extra activiteit ${i}`, ambitionId: 1 + i });
			await updateItemFields(
				t.db,
				verkenner,
				{
					itemId: id,
					revision: 1,
					participants: [{ municipalityId: 'leiden' }],
					costEstimateCents: 100_000,
					milestones: [{ title: 'Start', dueDate: '2099-01-01' }]
				},
				testOrigin
			);
			if (status === 'in_bespreking') await transitionItem(t.db, verkenner, { itemId: id, from: 'concept', to: 'in_bespreking' }, testOrigin);
		}
		queries = 0;
		await overview.regionOverview(t.db, reader);
		expect(queries).toBe(before);
	});
});
