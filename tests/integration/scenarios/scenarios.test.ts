import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { agendaItemVersions, itemCriteria, itemScenarios, scenarioScoreChanges, scenarioScores } from '../../../src/lib/server/db/schema';
import * as scenarios from '../../../src/lib/server/modules/scenarios';
import { contentOf, loadItemState } from '../../../src/lib/server/modules/agenda-items';
import { frozenVersion } from '../../../src/lib/server/modules/decisions';
import { signedContentHash } from '../../../src/lib/server/modules/decisions/signed-content';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { DomainError, ValidationError } from '../../../src/lib/server/errors';
import { auditOf, recordPublished, rejection } from '../agenda/helpers';
import { itemWith } from '../decisions/helpers';

let t: TestDb;
let verkenner: NewUser;
let kbLeiden: NewUser;
let kbOegstgeest: NewUser;
let kbVoorschoten: NewUser;
let collegeLeiden: NewUser;
let griffieLeiden: NewUser;
let rec: ReturnType<typeof recordPublished>;

beforeAll(async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]]);
	kbLeiden = await newUser(t.db, [['klankbordgroeplid', 'leiden']], { name: 'Kees Klankbord' });
	kbOegstgeest = await newUser(t.db, [['klankbordgroeplid', 'oegstgeest']]);
	kbVoorschoten = await newUser(t.db, [['klankbordgroeplid', 'voorschoten']]);
	collegeLeiden = await newUser(t.db, [['collegelid', 'leiden']], { name: 'Cora College' });
	griffieLeiden = await newUser(t.db, [['griffie', 'leiden']]);
});
afterAll(() => destroy(t));
beforeEach(() => (rec = recordPublished()));
afterEach(() => rec.stop());

const scenarioRows = (itemId: string) => t.db.select().from(itemScenarios).where(eq(itemScenarios.itemId, itemId)).orderBy(itemScenarios.position);
const criteriaRows = (itemId: string) => t.db.select().from(itemCriteria).where(eq(itemCriteria.itemId, itemId)).orderBy(itemCriteria.position);
const add = (itemId: string, title: string, extra: Record<string, unknown> = {}) =>
	scenarios.addScenario(t.db, verkenner.actor, { itemId, title, ...extra }, testOrigin);

/** An item of Leiden and Oegstgeest with two scenarios and the study's three axes. */
async function weighedItem() {
	const itemId = await itemWith(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
	const a = (await add(itemId, 'Huidige situatie behouden')).scenarioId;
	const b = (await add(itemId, 'Integraal samenwerken', { oneOffCents: 9_800_000, yearlyCents: 250_000 })).scenarioId;
	await scenarios.setCriteria(t.db, verkenner.actor, { itemId, preset: 'assen' }, testOrigin);
	const criteria = await criteriaRows(itemId);
	return { itemId, a, b, criteria: criteria.map((c) => c.id) };
}

const scoresFor = (criteria: string[], values: number[], motivation = 'Past bij onze ambitie') =>
	criteria.map((criterionId, i) => ({ criterionId, score: values[i], motivation }));

describe('scenarios of an item', () => {
	it('adds options in order, with costs in euros from a form, audited, one seq each and a live event', async () => {
		const itemId = await itemWith(t.db, verkenner.actor, ['leiden']);
		await add(itemId, 'Gedifferentieerd samenwerken', { oneOffCents: '12.500', yearlyCents: '€ 1.250,50', description: 'Per taak een partner.' });
		await add(itemId, 'Integraal samengaan');
		const rows = await scenarioRows(itemId);
		expect(rows.map((r) => [r.title, r.position, r.oneOffCents, r.yearlyCents])).toEqual([
			['Gedifferentieerd samenwerken', 0, 1_250_000, 125_050],
			['Integraal samengaan', 1, 0, 0]
		]);
		expect((await auditOf(t.db, itemId)).filter((a) => a.action === 'scenario.added')).toHaveLength(2);
		const live = rec.events.filter((e) => e.room === `item:${itemId}` && e.event === 'item:changed' && e.payload.fields?.includes('scenarios'));
		expect(live).toHaveLength(2);
		expect(live[1].payload.seq).toBe(live[0].payload.seq + 1);
	});

	it.each([
		['no title', { title: ' ' }, 'title', 'validation_scenario_title_required'],
		['a title over 200 characters', { title: 'x'.repeat(201) }, 'title', 'validation_scenario_title_too_long'],
		['negative costs', { oneOffCents: -1 }, 'oneOffCents', 'validation_agenda_amount'],
		['costs that are no amount', { yearlyCents: 'veel' }, 'yearlyCents', 'validation_agenda_amount'],
		['an unknown arrangement id', { collaborationId: 'x' }, 'collaborationId', 'validation_scenario_collaboration_unknown']
	])('refuses %s with a Dutch message and stores nothing', async (_, extra, field, key) => {
		const itemId = await itemWith(t.db, verkenner.actor, ['leiden']);
		const err = await rejection(scenarios.addScenario(t.db, verkenner.actor, { itemId, title: 'Titel', ...extra }, testOrigin));
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fields[field]).toBe(key);
		expect(await scenarioRows(itemId)).toEqual([]);
	});

	it('refuses an arrangement that is not in the register', async () => {
		const itemId = await itemWith(t.db, verkenner.actor, ['leiden']);
		const err = await rejection(add(itemId, 'Titel', { collaborationId: '00000000-0000-4000-8000-000000000000' }));
		expect(err).toBeInstanceOf(DomainError);
		expect(err.key).toBe('scenario_collaboration_unknown');
		expect(await scenarioRows(itemId)).toEqual([]);
	});

	it('is for those who edit the item: a college member or the griffie may not add one', async () => {
		const itemId = await itemWith(t.db, verkenner.actor, ['leiden']);
		for (const who of [collegeLeiden, griffieLeiden])
			expect(await rejection(scenarios.addScenario(t.db, who.actor, { itemId, title: 'X' }, testOrigin))).toBeInstanceOf(ForbiddenError);
		await scenarios.addScenario(t.db, kbLeiden.actor, { itemId, title: 'Door de klankbordgroep' }, testOrigin);
		expect((await scenarioRows(itemId)).map((r) => r.title)).toEqual(['Door de klankbordgroep']);
	});

	it('updates an option and reports no change when nothing changed', async () => {
		const itemId = await itemWith(t.db, verkenner.actor, ['leiden']);
		const { scenarioId } = await add(itemId, 'Oud');
		expect(await scenarios.updateScenario(t.db, verkenner.actor, { scenarioId, title: 'Nieuw', yearlyCents: 100 }, testOrigin)).toEqual({ changed: true });
		expect(await scenarios.updateScenario(t.db, verkenner.actor, { scenarioId, title: 'Nieuw', yearlyCents: 100 }, testOrigin)).toEqual({ changed: false });
		expect((await scenarioRows(itemId))[0]).toMatchObject({ title: 'Nieuw', yearlyCents: 100 });
		const audit = (await auditOf(t.db, itemId)).filter((a) => a.action === 'scenario.updated');
		expect(audit.map((a) => a.details)).toEqual([{ scenarioId, fields: ['title', 'yearlyCents'], title: 'Nieuw' }]);
	});

	it('removes an unscored option at once; a scored one only when confirmed, and then keeps it with its scores', async () => {
		const { itemId, a, b, criteria } = await weighedItem();
		await scenarios.removeScenario(t.db, verkenner.actor, { scenarioId: a }, testOrigin);
		await scenarios.scoreScenario(t.db, kbLeiden.actor, { scenarioId: b, municipalityId: 'leiden', scores: scoresFor(criteria, [4, 3, 2]) }, testOrigin);
		const err = await rejection(scenarios.removeScenario(t.db, verkenner.actor, { scenarioId: b }, testOrigin));
		expect([err.key, err.params]).toEqual(['scenario_remove_confirm', { count: 3, title: 'Integraal samenwerken' }]);
		expect((await scenarioRows(itemId)).find((r) => r.id === b)?.removedAt).toBeNull();
		expect(await scenarios.removeScenario(t.db, verkenner.actor, { scenarioId: b, confirm: 'on' }, testOrigin)).toEqual({ scores: 3 });
		const view = await scenarios.scenarioComparison(t.db, itemId);
		expect(view.scenarios).toEqual([]);
		expect(view.removed).toMatchObject([{ id: b, title: 'Integraal samenwerken', scores: 3 }]);
		expect(await t.db.select().from(scenarioScores).where(eq(scenarioScores.scenarioId, b))).toHaveLength(3);
		expect(await rejection(scenarios.updateScenario(t.db, verkenner.actor, { scenarioId: b, title: 'Terug' }, testOrigin))).toMatchObject({
			key: 'scenario_not_found'
		});
	});

	it('proposes one option at a time, and the proposal is signed content: it changes the hash', async () => {
		const { itemId, a, b } = await weighedItem();
		const hash = async () => signedContentHash(contentOf(await loadItemState(t.db, itemId)));
		const before = await hash();
		await scenarios.proposeScenario(t.db, verkenner.actor, { itemId, scenarioId: b }, testOrigin);
		const proposingB = await hash();
		await scenarios.proposeScenario(t.db, verkenner.actor, { itemId, scenarioId: a }, testOrigin);
		expect(new Set([before, proposingB, await hash()]).size).toBe(3);
		expect((await scenarioRows(itemId)).map((r) => r.proposed)).toEqual([true, false]);
		expect((await loadItemState(t.db, itemId)).scenarios?.proposedId).toBe(a);
		await scenarios.proposeScenario(t.db, verkenner.actor, { itemId, scenarioId: '' }, testOrigin);
		expect((await loadItemState(t.db, itemId)).scenarios?.proposedId).toBeNull();
	});

	it('refuses to propose a scenario of another item', async () => {
		const first = await weighedItem();
		const other = await weighedItem();
		expect(await rejection(scenarios.proposeScenario(t.db, verkenner.actor, { itemId: first.itemId, scenarioId: other.a }, testOrigin))).toMatchObject({
			key: 'scenario_not_found'
		});
	});

	it('goes into the frozen version: its content holds the options and the proposal', async () => {
		const itemId = await itemWith(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		const { scenarioId } = await add(itemId, 'Integraal samenwerken', { yearlyCents: 100 });
		await scenarios.proposeScenario(t.db, verkenner.actor, { itemId, scenarioId }, testOrigin);
		const { frozen } = await readyFrom(itemId);
		const [stored] = await t.db.select().from(agendaItemVersions).where(eq(agendaItemVersions.id, frozen.id));
		const content = JSON.parse(stored.content);
		expect(content.scenarios).toEqual({
			proposedId: scenarioId,
			options: [
				{
					id: scenarioId,
					title: 'Integraal samenwerken',
					description: '',
					descriptionHtml: '',
					oneOffCents: 0,
					yearlyCents: 100,
					verdeelsleutel: null,
					collaborationId: null
				}
			]
		});
		expect(frozen.contentHash).toBe(createHash('sha256').update(stored.content).digest('hex'));
	});

	it('refuses every change to the options of a frozen item, and stores nothing; the weighing goes on', async () => {
		const itemId = await itemWith(t.db, verkenner.actor, ['leiden']);
		const { scenarioId } = await add(itemId, 'Behouden');
		await scenarios.setCriteria(t.db, verkenner.actor, { itemId, preset: 'assen' }, testOrigin);
		await readyFrom(itemId);
		for (const attempt of [
			() => add(itemId, 'Nieuw'),
			() => scenarios.updateScenario(t.db, verkenner.actor, { scenarioId, title: 'Anders' }, testOrigin),
			() => scenarios.removeScenario(t.db, verkenner.actor, { scenarioId }, testOrigin),
			() => scenarios.proposeScenario(t.db, verkenner.actor, { itemId, scenarioId }, testOrigin)
		])
			expect(await rejection(attempt())).toMatchObject({ key: 'agenda_item_frozen', status: 409 });
		expect((await scenarioRows(itemId)).map((r) => [r.title, r.proposed, r.removedAt])).toEqual([['Behouden', false, null]]);
		const criteria = (await criteriaRows(itemId)).map((c) => c.id);
		expect(
			await scenarios.scoreScenario(t.db, kbLeiden.actor, { scenarioId, municipalityId: 'leiden', scores: scoresFor(criteria, [3, 3, 3]) }, testOrigin)
		).toEqual({
			changed: 3
		});
	});
});

/** Moves a concept item to gereed voor besluitvorming and returns its frozen version. */
async function readyFrom(itemId: string) {
	const { transitionItem } = await import('../../../src/lib/server/modules/agenda-items');
	await transitionItem(t.db, verkenner.actor, { itemId, from: 'concept', to: 'in_bespreking' }, testOrigin);
	await transitionItem(t.db, verkenner.actor, { itemId, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, testOrigin);
	const frozen = await frozenVersion(t.db, itemId);
	if (!frozen) throw new Error('no frozen version');
	return { frozen };
}

describe('criteria', () => {
	it("sets a preset (the study's three axes, the toetsingskader's eight), keeping the criteria it shares by name", async () => {
		const itemId = await itemWith(t.db, verkenner.actor, ['leiden']);
		await scenarios.setCriteria(t.db, verkenner.actor, { itemId, preset: 'assen' }, testOrigin);
		expect((await criteriaRows(itemId)).map((c) => [c.name, c.scaleMin, c.scaleMax, c.higherIsBetter])).toEqual([
			['Mate van integraliteit', 1, 5, true],
			['Mate van bestuurlijke integratie', 1, 5, true],
			['Mate van beleidsharmonisatie', 1, 5, true]
		]);
		await scenarios.setCriteria(t.db, verkenner.actor, { itemId, preset: 'toetsingskader' }, testOrigin);
		const live = (await criteriaRows(itemId)).filter((c) => !c.removedAt);
		expect(live.map((c) => c.name)).toEqual([
			'Efficiency',
			'Effectiviteit',
			'Democratische legitimiteit',
			'Politieke grip',
			'Transparantie',
			'Eenduidige oriëntatie',
			'Participatie',
			'Kwaliteit'
		]);
	});

	it('takes an own list with scale and direction, in its order, keeping ids', async () => {
		const itemId = await itemWith(t.db, verkenner.actor, ['leiden']);
		const own = [
			{ name: 'Kosten', scaleMin: 1, scaleMax: 10, higherIsBetter: false, description: 'Hoe hoger, hoe duurder' },
			{ name: 'Draagvlak', scaleMin: '0', scaleMax: '4', higherIsBetter: 'on' }
		];
		await scenarios.setCriteria(t.db, verkenner.actor, { itemId, criteria: own }, testOrigin);
		const [kosten, draagvlak] = await criteriaRows(itemId);
		expect([kosten.name, kosten.scaleMax, kosten.higherIsBetter, draagvlak.scaleMin, draagvlak.higherIsBetter]).toEqual(['Kosten', 10, false, 0, true]);
		await scenarios.setCriteria(
			t.db,
			verkenner.actor,
			{
				itemId,
				criteria: [
					{ ...own[1], id: draagvlak.id },
					{ ...own[0], id: kosten.id, name: 'Kosten per jaar' }
				]
			},
			testOrigin
		);
		const after = await criteriaRows(itemId);
		expect(after.map((c) => [c.id, c.name, c.position])).toEqual([
			[draagvlak.id, 'Draagvlak', 0],
			[kosten.id, 'Kosten per jaar', 1]
		]);
	});

	it.each([
		['no criteria and no preset', { criteria: [] }, 'criteria', 'validation_scenario_criteria_required'],
		['an unknown preset', { preset: 'alles' }, 'preset', 'validation_scenario_preset_unknown'],
		['a scale upside down', { criteria: [{ name: 'X', scaleMin: 5, scaleMax: 1 }] }, 'criteria.0.scaleMax', 'validation_scenario_scale_order'],
		['a scale past 10', { criteria: [{ name: 'X', scaleMin: 1, scaleMax: 11 }] }, 'criteria.0.scaleMax', 'validation_scenario_scale'],
		['a nameless criterion', { criteria: [{ name: '' }] }, 'criteria.0.name', 'validation_scenario_criterion_name_required'],
		['thirteen criteria', { criteria: Array.from({ length: 13 }, (_, i) => ({ name: `C${i}` })) }, 'criteria', 'validation_scenario_too_many_criteria']
	])('refuses %s', async (_, extra, field, key) => {
		const itemId = await itemWith(t.db, verkenner.actor, ['leiden']);
		const err = await rejection(scenarios.setCriteria(t.db, verkenner.actor, { itemId, ...extra }, testOrigin));
		expect(err.fields[field]).toBe(key);
		expect(await criteriaRows(itemId)).toEqual([]);
	});

	it("is the verkenner's: a klankbordgroep member may not set them", async () => {
		const itemId = await itemWith(t.db, verkenner.actor, ['leiden']);
		expect(await rejection(scenarios.setCriteria(t.db, kbLeiden.actor, { itemId, preset: 'assen' }, testOrigin))).toBeInstanceOf(ForbiddenError);
	});

	it('asks before dropping criteria that hold scores, and refuses a scale narrowed past given scores', async () => {
		const { itemId, b, criteria } = await weighedItem();
		await scenarios.scoreScenario(t.db, kbLeiden.actor, { scenarioId: b, municipalityId: 'leiden', scores: scoresFor(criteria, [5, 4, 1]) }, testOrigin);
		const err = await rejection(scenarios.setCriteria(t.db, verkenner.actor, { itemId, preset: 'toetsingskader' }, testOrigin));
		expect([err.key, err.params.count]).toEqual(['scenario_criteria_remove_confirm', 3]);
		const rows = await criteriaRows(itemId);
		const narrowed = rows.map((c) => ({ id: c.id, name: c.name, scaleMin: 1, scaleMax: 4 }));
		expect(await rejection(scenarios.setCriteria(t.db, verkenner.actor, { itemId, criteria: narrowed }, testOrigin))).toMatchObject({
			key: 'scenario_scale_has_scores'
		});
		expect((await criteriaRows(itemId)).map((c) => [c.scaleMax, c.removedAt])).toEqual(rows.map(() => [5, null]));
		await scenarios.setCriteria(t.db, verkenner.actor, { itemId, preset: 'toetsingskader', confirm: true }, testOrigin);
		expect((await criteriaRows(itemId)).filter((c) => c.removedAt)).toHaveLength(3);
		expect(await t.db.select().from(scenarioScores).where(eq(scenarioScores.scenarioId, b))).toHaveLength(3);
		expect((await scenarios.scenarioComparison(t.db, itemId)).scores).toEqual([]);
	});
});

describe('scores', () => {
	it("keeps each municipality's scores per voice, with the history of every change and a live event", async () => {
		const { itemId, b, criteria } = await weighedItem();
		const input = { scenarioId: b, municipalityId: 'leiden', scores: scoresFor(criteria, [4, 3, 2]) };
		expect(await scenarios.scoreScenario(t.db, kbLeiden.actor, input, testOrigin)).toEqual({ changed: 3 });
		expect(await scenarios.scoreScenario(t.db, kbLeiden.actor, input, testOrigin)).toEqual({ changed: 0 });
		await scenarios.scoreScenario(
			t.db,
			kbLeiden.actor,
			{ ...input, scores: [{ criterionId: criteria[0], score: 5, motivation: 'Beter gelezen' }] },
			testOrigin
		);
		await scenarios.scoreScenario(t.db, collegeLeiden.actor, { ...input, voice: 'college', scores: scoresFor(criteria, [2, 2, 2]) }, testOrigin);
		const view = await scenarios.scenarioComparison(t.db, itemId);
		const leiden = (voice: string) => view.scores.filter((s) => s.voice === voice).map((s) => [criteria.indexOf(s.criterionId), s.score, s.by]);
		expect(leiden('klankbordgroep').sort()).toEqual([
			[0, 5, 'Kees Klankbord'],
			[1, 3, 'Kees Klankbord'],
			[2, 2, 'Kees Klankbord']
		]);
		expect(leiden('college').map((s) => s[1])).toEqual([2, 2, 2]);
		const history = await t.db.select().from(scenarioScoreChanges).where(eq(scenarioScoreChanges.scenarioId, b));
		expect(history).toHaveLength(7);
		expect(history.find((h) => h.score === 5)).toMatchObject({ fromScore: 4, motivation: 'Beter gelezen', voice: 'klankbordgroep' });
		const audit = (await auditOf(t.db, itemId)).filter((a) => a.action === 'scenario.scored');
		expect(audit).toHaveLength(3);
		expect(rec.events.filter((e) => e.room === `item:${itemId}` && e.payload.fields?.[0] === 'scenario_scores').length).toBeGreaterThanOrEqual(3);
	});

	it('lets each voice speak only for its own municipality', async () => {
		const { b, criteria } = await weighedItem();
		const scores = scoresFor(criteria, [3, 3, 3]);
		const attempts: [NewUser, Record<string, unknown>][] = [
			[kbLeiden, { municipalityId: 'oegstgeest' }],
			[kbLeiden, { municipalityId: 'leiden', voice: 'college' }],
			[collegeLeiden, { municipalityId: 'leiden', voice: 'klankbordgroep' }],
			[griffieLeiden, { municipalityId: 'leiden' }],
			[verkenner, { municipalityId: 'leiden' }]
		];
		for (const [who, extra] of attempts)
			expect(await rejection(scenarios.scoreScenario(t.db, who.actor, { scenarioId: b, scores, ...extra }, testOrigin))).toBeInstanceOf(ForbiddenError);
		expect(await t.db.select().from(scenarioScores).where(eq(scenarioScores.scenarioId, b))).toEqual([]);
	});

	it('refuses a municipality that does not take part in the item', async () => {
		const { b, criteria } = await weighedItem();
		const err = await rejection(
			scenarios.scoreScenario(t.db, kbVoorschoten.actor, { scenarioId: b, municipalityId: 'voorschoten', scores: scoresFor(criteria, [3, 3, 3]) }, testOrigin)
		);
		expect([err.key, err.status]).toEqual(['scenario_not_participant', 403]);
	});

	it('refuses a score outside the scale, an unknown criterion or a criterion twice, storing none of the submit', async () => {
		const { b, criteria } = await weighedItem();
		const other = await weighedItem();
		const cases: [unknown[], string, string][] = [
			[[...scoresFor(criteria.slice(0, 2), [3, 3]), { criterionId: criteria[2], score: 6 }], 'scores.2.score', 'validation_scenario_score_scale'],
			[[{ criterionId: criteria[0], score: 0 }], 'scores.0.score', 'validation_scenario_score_scale'],
			[[{ criterionId: other.criteria[0], score: 3 }], 'scores.0.criterionId', 'validation_scenario_criterion_unknown'],
			[
				[
					{ criterionId: criteria[0], score: 3 },
					{ criterionId: criteria[0], score: 4 }
				],
				'scores.1.criterionId',
				'validation_scenario_criterion_unknown'
			],
			[[{ criterionId: criteria[0], score: 2.5 }], 'scores.0.score', 'validation_scenario_score'],
			[[], 'scores', 'validation_scenario_scores_required']
		];
		for (const [scores, field, key] of cases) {
			const err = await rejection(scenarios.scoreScenario(t.db, kbLeiden.actor, { scenarioId: b, municipalityId: 'leiden', scores }, testOrigin));
			expect(err).toBeInstanceOf(ValidationError);
			expect(err.fields[field]).toBe(key);
		}
		expect(await t.db.select().from(scenarioScores).where(eq(scenarioScores.scenarioId, b))).toEqual([]);
	});

	it('shows the public only what a municipality shared', async () => {
		const { itemId, b, criteria } = await weighedItem();
		await scenarios.scoreScenario(
			t.db,
			kbLeiden.actor,
			{ scenarioId: b, municipalityId: 'leiden', sharedPublicly: 'on', scores: scoresFor(criteria, [4, 4, 4]) },
			testOrigin
		);
		await scenarios.scoreScenario(
			t.db,
			kbOegstgeest.actor,
			{ scenarioId: b, municipalityId: 'oegstgeest', scores: scoresFor(criteria, [2, 2, 2]) },
			testOrigin
		);
		expect((await scenarios.scenarioComparison(t.db, itemId)).scores.map((s) => s.municipalityId).sort()).toEqual([
			...Array(3).fill('leiden'),
			...Array(3).fill('oegstgeest')
		]);
		const shared = await scenarios.scenarioComparison(t.db, itemId, { sharedOnly: true });
		expect(new Set(shared.scores.map((s) => s.municipalityId))).toEqual(new Set(['leiden']));
	});
});

describe('the comparison', () => {
	it('gives per cell the average and spread, per municipality its appreciation and preferred scenario', async () => {
		const { itemId, a, b, criteria } = await weighedItem();
		const score = (who: NewUser, municipalityId: string, scenarioId: string, values: number[]) =>
			scenarios.scoreScenario(t.db, who.actor, { scenarioId, municipalityId, scores: scoresFor(criteria, values) }, testOrigin);
		await score(kbLeiden, 'leiden', a, [1, 1, 1]);
		await score(kbLeiden, 'leiden', b, [5, 4, 3]);
		await score(kbOegstgeest, 'oegstgeest', a, [4, 4, 4]);
		await score(kbOegstgeest, 'oegstgeest', b, [2, 4, 3]);
		const view = await scenarios.scenarioComparison(t.db, itemId);
		expect(view.municipalityIds).toEqual(['leiden', 'oegstgeest']);
		const cell = (scenarioId: string, i: number) => view.cells.klankbordgroep.find((c) => c.scenarioId === scenarioId && c.criterionId === criteria[i]);
		expect(cell(b, 0)).toMatchObject({ average: 3.5, spread: 3, count: 2 });
		expect(cell(b, 1)).toMatchObject({ average: 4, spread: 0 });
		expect(view.preferred.klankbordgroep).toEqual({ leiden: b, oegstgeest: a });
		const leidenB = view.appreciations.find((x) => x.municipalityId === 'leiden' && x.scenarioId === b);
		expect(leidenB).toMatchObject({ value: 75, criteria: 3 });
	});

	it("splits each scenario's costs over the participants by the item's own key, adding up exactly", async () => {
		const { itemId, a, b } = await weighedItem();
		const view = await scenarios.scenarioComparison(t.db, itemId);
		expect(view.costKey).toBe('inwoners');
		const split = view.shares.find((x) => x.scenarioId === b)!;
		expect(split.oneOff?.map((x) => x.municipalityId)).toEqual(['leiden', 'oegstgeest']);
		expect(split.oneOff?.reduce((n, x) => n + x.cents, 0)).toBe(9_800_000);
		expect(split.yearly?.reduce((n, x) => n + x.cents, 0)).toBe(250_000);
		const [leiden, oegstgeest] = split.yearly!;
		expect(leiden.cents).toBeGreaterThan(oegstgeest.cents);
		expect(view.shares.find((x) => x.scenarioId === a)?.oneOff?.every((x) => x.cents === 0) ?? true).toBe(true);
	});

	it('splits a scenario with its own key by that key, signed with the option; a key that does not exist is refused', async () => {
		const { itemId, b } = await weighedItem();
		await scenarios.updateScenario(
			t.db,
			verkenner.actor,
			{ scenarioId: b, title: 'Integraal samenwerken', oneOffCents: 9_800_000, yearlyCents: 250_000, verdeelsleutel: 'gelijk' },
			testOrigin
		);
		const view = await scenarios.scenarioComparison(t.db, itemId);
		expect(view.costKey).toBe('inwoners');
		const split = view.shares.find((x) => x.scenarioId === b)!;
		expect(split.key).toBe('gelijk');
		expect(split.yearly?.map((x) => x.cents)).toEqual([125_000, 125_000]);
		expect(view.scenarios.find((s) => s.id === b)?.verdeelsleutel).toBe('gelijk');
		const state = await loadItemState(t.db, itemId);
		expect(contentOf(state).scenarios?.options.find((o) => o.id === b)?.verdeelsleutel).toBe('gelijk');
		expect((await auditOf(t.db, itemId)).filter((a) => a.action === 'scenario.updated').at(-1)?.details).toMatchObject({ fields: ['verdeelsleutel'] });

		const err = await rejection(
			scenarios.updateScenario(t.db, verkenner.actor, { scenarioId: b, title: 'Integraal samenwerken', verdeelsleutel: 'naar_draagkracht' }, testOrigin)
		);
		expect(err).toBeInstanceOf(ValidationError);
		expect((await scenarioRows(itemId)).find((r) => r.id === b)?.verdeelsleutel).toBe('gelijk');
	});
});
