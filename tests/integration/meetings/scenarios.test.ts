import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { testOrigin } from '../../fixtures/factories';
import { meetingScenarioChecks } from '../../../src/lib/server/db/schema';
import * as meetings from '../../../src/lib/server/modules/meetings';
import * as scenarios from '../../../src/lib/server/modules/scenarios';
import { ValidationError } from '../../../src/lib/server/errors';
import { highlightsOutline } from '../../../src/lib/server/modules/meetings/report/highlights-outline';
import { recordPublished, rejection } from '../agenda/helpers';
import { cast, liveMeeting, meetingAudit, plannedMeeting, type Cast } from './helpers';

let t: TestDb;
let c: Cast;
let rec: ReturnType<typeof recordPublished>;
/** The options of the first agenda item (a, b proposed, c to be removed) and one of the second item. */
let opt: { a: string; b: string; c: string; other: string };

beforeAll(async () => {
	t = await testDb();
	c = await cast(t.db);
	const add = async (itemId: string, title: string, extra: Record<string, unknown> = {}) =>
		(await scenarios.addScenario(t.db, c.verkenner.actor, { itemId, title, ...extra }, testOrigin)).scenarioId;
	opt = {
		a: await add(c.items[0], 'Huidige situatie behouden'),
		b: await add(c.items[0], 'Integraal samenwerken', { oneOffCents: 9_800_000, yearlyCents: 250_000 }),
		c: await add(c.items[0], 'Samengaan'),
		other: await add(c.items[1], 'Alleen verder')
	};
	await scenarios.proposeScenario(t.db, c.verkenner.actor, { itemId: c.items[0], scenarioId: opt.b }, testOrigin);
});
afterAll(() => destroy(t));
beforeEach(() => (rec = recordPublished()));
afterEach(() => rec.stop());

const published = (id: string) => rec.events.filter((e) => e.room === `meeting:${id}` && e.event === 'meeting:state').map((e) => e.payload);
const show = (id: string, actor = c.verkenner.actor, shown = true) => meetings.showScenarios(t.db, actor, { meetingId: id, shown }, testOrigin);
const check = (id: string, actor: typeof c.kbLeiden.actor, scenarioId: string, value: string, municipalityId = 'leiden') =>
	meetings.giveScenarioTemperature(t.db, actor, { meetingId: id, scenarioId, municipalityId, value }, testOrigin);
const stored = (id: string) => t.db.select().from(meetingScenarioChecks).where(eq(meetingScenarioChecks.meetingId, id));

describe('the scenario comparison in a live session', () => {
	it('the item in view carries its scenarios in the state; only the chair puts the comparison on screen and takes it off, audited', async () => {
		const { id, state } = await liveMeeting(t.db, c);
		expect(state.scenarios).toMatchObject({ itemId: c.items[0], shown: false });
		expect(state.scenarios?.scenarios.map((x) => [x.title, x.proposed, x.oneOffCents])).toEqual([
			['Huidige situatie behouden', false, 0],
			['Integraal samenwerken', true, 9_800_000],
			['Samengaan', false, 0]
		]);

		for (const who of [c.kbLeiden, c.collegeLeiden, c.griffie]) expect((await rejection(show(id, who.actor))).key).toBe('meetings_not_the_chair');
		const s = await show(id);
		expect(s.scenarios?.shown).toBe(true);
		expect(published(id).at(-1)).toMatchObject({ seq: s.seq, scenarios: { shown: true } });
		// Showing it again changes nothing: no new seq, no audit row.
		expect((await show(id)).seq).toBe(s.seq);

		const hidden = await show(id, c.verkenner.actor, false);
		expect(hidden.scenarios?.shown).toBe(false);
		expect((await meetingAudit(t.db, id)).map((a) => a.action).filter((a) => a.startsWith('meeting.scenarios'))).toEqual([
			'meeting.scenarios_shown',
			'meeting.scenarios_hidden'
		]);
	});

	it('belongs to the entry: moving on hides it; an item without scenarios cannot show one; not before the start', async () => {
		const { id } = await liveMeeting(t.db, c);
		await show(id);
		let s = await meetings.moveTo(t.db, c.verkenner.actor, { meetingId: id, to: 'entry', entryId: (await liveState(id)).entries[2].id }, testOrigin);
		expect(s.scenarios).toBeNull();
		expect((await rejection(show(id))).key).toBe('meetings_scenarios_none');
		s = await meetings.moveTo(t.db, c.verkenner.actor, { meetingId: id, to: 'entry', entryId: s.entries[1].id }, testOrigin);
		expect(s.scenarios).toMatchObject({ itemId: c.items[1], shown: false });

		const planned = await plannedMeeting(t.db, c);
		expect((await rejection(show(planned))).key).toBe('meetings_not_live');
	});
});

const liveState = (id: string) => meetings.meetingState(t.db, c.griffie.actor, id);

describe('a temperature check per scenario', () => {
	it('each municipality per scenario while the comparison is on screen; the last one counts; in the state, published and audited', async () => {
		const { id } = await liveMeeting(t.db, c);
		await show(id);
		await check(id, c.kbLeiden.actor, opt.a, 'bezwaar');
		await check(id, c.kbOegstgeest.actor, opt.b, 'steunt', 'oegstgeest');
		await check(id, c.kbLeiden.actor, opt.b, 'neutraal');
		const s = await check(id, c.kbLeiden.actor, opt.a, 'steunt_onder_voorwaarden');

		expect(s.scenarioChecks.map((x) => [x.scenarioId, x.municipalityId, x.value, x.givenByName])).toEqual([
			[opt.a, 'leiden', 'steunt_onder_voorwaarden', 'Kees Leiden'],
			[opt.b, 'leiden', 'neutraal', 'Kees Leiden'],
			[opt.b, 'oegstgeest', 'steunt', 'Olga Oegstgeest']
		]);
		expect(s.scenarioChecks.every((x) => x.itemId === c.items[0])).toBe(true);
		expect(await stored(id)).toHaveLength(3);
		expect(published(id).at(-1).scenarioChecks).toHaveLength(3);
		// Giving a check is taking part: the members are present.
		expect(s.attendance.map((a) => a.municipalityId).sort()).toEqual(['leiden', 'oegstgeest']);
		const audit = (await meetingAudit(t.db, id)).filter((a) => a.action === 'meeting.scenario_temperature_given');
		expect(audit).toHaveLength(4);
		expect(audit.at(-1)?.details).toMatchObject({ itemId: c.items[0], scenarioId: opt.a, municipalityId: 'leiden', value: 'steunt_onder_voorwaarden' });
	});

	it('refuses, storing nothing: not live, comparison not on screen, another municipality, another item, a removed scenario, an unknown value', async () => {
		const planned = await plannedMeeting(t.db, c);
		expect((await rejection(check(planned, c.kbLeiden.actor, opt.a, 'steunt'))).key).toBe('meetings_not_live');

		const { id } = await liveMeeting(t.db, c);
		expect((await rejection(check(id, c.kbLeiden.actor, opt.a, 'steunt'))).key).toBe('meetings_scenarios_not_shown');
		await show(id);
		const seq = (await liveState(id)).seq;
		const refusals: [typeof c.kbLeiden.actor, string, string, string][] = [
			[c.kbLeiden.actor, opt.a, 'oegstgeest', 'meetings_temperature_other_municipality'],
			[c.collegeLeiden.actor, opt.a, 'leiden', 'meetings_temperature_other_municipality'],
			[c.kbLeiden.actor, opt.other, 'leiden', 'meetings_scenario_not_current'],
			[c.kbLeiden.actor, crypto.randomUUID(), 'leiden', 'meetings_scenario_not_current']
		];
		for (const [actor, scenarioId, municipalityId, key] of refusals) {
			expect((await rejection(check(id, actor, scenarioId, 'steunt', municipalityId))).key).toBe(key);
		}
		const bad = await rejection(check(id, c.kbLeiden.actor, opt.a, 'misschien'));
		expect(bad).toBeInstanceOf(ValidationError);
		expect(bad.fields.value).toBe('validation_meeting_temperature');

		await scenarios.removeScenario(t.db, c.verkenner.actor, { scenarioId: opt.c }, testOrigin);
		expect((await rejection(check(id, c.kbLeiden.actor, opt.c, 'steunt'))).key).toBe('meetings_scenario_removed');

		expect(await stored(id)).toHaveLength(0);
		expect(await stored(planned)).toHaveLength(0);
		expect((await liveState(id)).seq).toBe(seq);
		expect((await meetingAudit(t.db, id)).filter((a) => a.action === 'meeting.scenario_temperature_given')).toHaveLength(0);
	});
});

describe('the closed session keeps the scenario checks', () => {
	it('the highlights list them per scenario under their item, a removed scenario marked', async () => {
		const { id } = await liveMeeting(t.db, c);
		// The second item's own option: earlier tests removed one of the first item's.
		await meetings.moveTo(t.db, c.verkenner.actor, { meetingId: id, to: 'next' }, testOrigin);
		await show(id);
		await check(id, c.kbOegstgeest.actor, opt.other, 'bezwaar', 'oegstgeest');
		await check(id, c.kbLeiden.actor, opt.other, 'steunt');
		await meetings.closeMeeting(t.db, c.verkenner.actor, { meetingId: id }, testOrigin);

		const h = await meetings.closedHighlights(t.db, c.griffie.actor, id);
		expect(h.items[0].scenarioChecks).toEqual([]);
		expect(h.items[1].scenarioChecks).toEqual([
			{
				scenarioTitle: 'Alleen verder',
				removed: false,
				checks: [
					{ municipalityName: 'Leiden', value: 'steunt', givenByName: 'Kees Leiden' },
					{ municipalityName: 'Oegstgeest', value: 'bezwaar', givenByName: 'Olga Oegstgeest' }
				]
			}
		]);
		const outline = highlightsOutline(h, 'nl');
		expect(outline.blocks).toContainEqual({ type: 'heading', level: 3, text: 'Temperatuurcheck per scenario' });

		await scenarios.removeScenario(t.db, c.verkenner.actor, { scenarioId: opt.other }, testOrigin);
		const later = await meetings.closedHighlights(t.db, c.griffie.actor, id);
		expect(later.items[1].scenarioChecks?.[0]).toMatchObject({ scenarioTitle: 'Alleen verder', removed: true });
		const table = highlightsOutline(later, 'nl')
			.blocks.filter((b) => b.type === 'table')
			.at(-1);
		expect(JSON.stringify(table)).toContain('Alleen verder (verwijderd)');
	});
});
