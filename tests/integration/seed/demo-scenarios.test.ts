/**
 * The demo's scenarios: the social-domain item carries the four scenarios of Voorschoten's letter, weighed on
 * the study's three axes by three municipalities, seeded as a fresh demo start tells the story.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { agendaItems, agendaItemVersions } from '../../../src/lib/server/db/schema';
import * as scenarios from '../../../src/lib/server/modules/scenarios';
import { frozenVersion } from '../../../src/lib/server/modules/decisions';
import { tellDemoStory } from '../../../src/lib/server/seed/startup';

const SOCIAL = 'Sociaal domein: Voorschoten sluit aan bij de Leidse regio';

let t: TestDb;
let itemId: string;
let view: scenarios.ScenarioComparison;
const idOf = (title: string) => view.scenarios.find((s) => s.title === title)!.id;

beforeAll(async () => {
	t = await testDb({ demo: true });
	await tellDemoStory(t.db);
	[{ id: itemId }] = await t.db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.title, SOCIAL));
	view = await scenarios.scenarioComparison(t.db, itemId);
}, 120_000);
afterAll(() => destroy(t));

describe('the demo scenarios of the social domain', () => {
	it('has the four scenarios of the letter in order, with descriptions and costs, integraal samenwerken proposed', () => {
		expect(view.scenarios.map((s) => s.title)).toEqual([
			'Continuering huidige situatie',
			'Gedifferentieerd samenwerken',
			'Integraal samenwerken',
			'Integraal samengaan'
		]);
		expect(view.scenarios.filter((s) => s.proposed).map((s) => s.title)).toEqual(['Integraal samenwerken']);
		for (const s of view.scenarios) expect(s.description.length, s.title).toBeGreaterThan(50);
		expect(view.scenarios.find((s) => s.title === 'Integraal samenwerken')).toMatchObject({ oneOffCents: 9_800_000 });
		expect(view.scenarios.find((s) => s.title === 'Integraal samenwerken')!.description).toContain('één sociaal team');
	});

	it('was signed with its scenarios: the colleges decided on the version that proposes integraal samenwerken', async () => {
		const [item] = await t.db.select({ status: agendaItems.status }).from(agendaItems).where(eq(agendaItems.id, itemId));
		expect(item.status).toBe('in_uitvoering');
		const frozen = await frozenVersion(t.db, itemId);
		const [stored] = await t.db.select().from(agendaItemVersions).where(eq(agendaItemVersions.id, frozen!.id));
		const content = JSON.parse(stored.content);
		expect(content.scenarios.options).toHaveLength(4);
		expect(content.scenarios.proposedId).toBe(idOf('Integraal samenwerken'));
	});

	it('is weighed on the three axes', () => {
		expect(view.criteria.map((c) => c.name)).toEqual(['Mate van integraliteit', 'Mate van bestuurlijke integratie', 'Mate van beleidsharmonisatie']);
	});

	it('has klankbordgroep scores from three participating municipalities and the college of Voorschoten, with motivations', () => {
		const klankbord = view.scores.filter((s) => s.voice === 'klankbordgroep');
		expect([...new Set(klankbord.map((s) => s.municipalityId))].sort()).toEqual(['leiden', 'oegstgeest', 'voorschoten']);
		for (const m of ['leiden', 'oegstgeest', 'voorschoten']) {
			expect(view.municipalityIds).toContain(m);
			expect(klankbord.filter((s) => s.municipalityId === m)).toHaveLength(12);
		}
		const college = view.scores.filter((s) => s.voice === 'college');
		expect(college).toHaveLength(12);
		expect(new Set(college.map((s) => s.municipalityId))).toEqual(new Set(['voorschoten']));
		for (const s of view.scores) expect(s.motivation).not.toBe('');
	});

	it('shares only Voorschoten’s scores with the public', async () => {
		for (const s of view.scores) expect(s.sharedPublicly, `${s.municipalityId} ${s.voice}`).toBe(s.municipalityId === 'voorschoten');
		const shared = await scenarios.scenarioComparison(t.db, itemId, { sharedOnly: true });
		expect(new Set(shared.scores.map((s) => s.municipalityId))).toEqual(new Set(['voorschoten']));
		expect(shared.scores).toHaveLength(24);
	});

	it('compares to Voorschoten preferring integraal samenwerken, and Oegstgeest a lighter form', () => {
		expect(view.preferred.klankbordgroep.voorschoten).toBe(idOf('Integraal samenwerken'));
		expect(view.preferred.college.voorschoten).toBe(idOf('Integraal samenwerken'));
		expect(view.preferred.klankbordgroep.leiden).toBe(idOf('Integraal samenwerken'));
		expect(view.preferred.klankbordgroep.oegstgeest).toBe(idOf('Gedifferentieerd samenwerken'));
	});
});

describe('the demo scenarios on the public site', () => {
	it('shows the signed options with the proposal, and only the scores Voorschoten shared', async () => {
		const { getPublicItem } = await import('../../../src/lib/server/modules/public');
		const item = await getPublicItem(t.db, itemId);
		expect(item.scenarios?.options.map((o) => [o.title, o.proposed])).toEqual([
			['Continuering huidige situatie', false],
			['Gedifferentieerd samenwerken', false],
			['Integraal samenwerken', true],
			['Integraal samengaan', false]
		]);
		expect(item.scenarios?.criteria).toHaveLength(3);
		const sharers = new Set(item.scenarios?.scores.map((s) => `${s.municipalityId}/${s.voice}`));
		expect(sharers).toEqual(new Set(['voorschoten/klankbordgroep', 'voorschoten/college']));
		expect(item.scenarios?.scores).toHaveLength(2 * 4 * 3);
	});
});
