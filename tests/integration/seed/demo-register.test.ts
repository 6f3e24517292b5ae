import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { users } from '../../../src/lib/server/db/schema';
import { loadActor } from '../../../src/lib/server/modules/users';
import * as register from '../../../src/lib/server/modules/register';
import { seedDemoRegister } from '../../../src/lib/server/seed/demo-register';
import { demoDay } from '../../../src/lib/server/seed/demo-agenda';
import type { Actor } from '../../../src/lib/server/permissions';

let t: TestDb;
let ids: Map<string, string>;
const actors = new Map<string, Actor>();
const who = (account: string) => actors.get(account)!;

beforeAll(async () => {
	t = await testDb({ demo: true });
	ids = await seedDemoRegister(t.db);
	for (const u of await t.db.select().from(users)) actors.set(u.email.split('@')[0], await loadActor(t.db, u));
}, 120_000);
afterAll(() => destroy(t));

describe('the demo register', () => {
	it('holds the arrangements the seeds name, with Servicepunt71 without Voorschoten and the WODV with Wassenaar', async () => {
		const list = await register.listCollaborations(t.db, who('griffie.leiden'));
		expect(list.map((c) => c.name)).toEqual(
			expect.arrayContaining(['Holland Rijnland', 'Servicepunt71', 'Economie071', 'LAB071', 'Werkorganisatie Duivenvoorde'])
		);
		const byName = new Map(list.map((c) => [c.name, c]));
		expect(byName.get('Servicepunt71')!.municipalityIds).not.toContain('voorschoten');
		expect(byName.get('Werkorganisatie Duivenvoorde')!.outside).toEqual(['Wassenaar']);
		expect(byName.get('Holland Rijnland')!.municipalityIds.length + byName.get('Holland Rijnland')!.outside.length).toBe(13);
	});

	it('says on every arrangement that its amounts are illustrative', async () => {
		for (const id of ids.values()) {
			const c = await register.getCollaboration(t.db, who('verkenner'), id);
			expect(c.collaboration.documents[0].title).toMatch(/illustratief/);
		}
	});

	it('gives each council a zienswijze deadline next month on Holland Rijnland, in its six-month overview', async () => {
		for (const m of ['leiden', 'leiderdorp', 'oegstgeest', 'voorschoten', 'zoeterwoude']) {
			const overview = await register.municipalityOverview(t.db, who(`griffie.${m}`), m, demoDay(0));
			const deadline = overview.upcoming.find((mo) => mo.kind === 'zienswijze' && mo.collaborationName === 'Holland Rijnland');
			expect(deadline?.municipalityId, m).toBe(m);
			expect(deadline!.on > demoDay(20) && deadline!.on <= demoDay(30)).toBe(true);
			expect(overview.totalContributionCents).toBeGreaterThan(0);
		}
	});

	it('seats college members on the boards, linked to their accounts, so their double role shows', async () => {
		const seats = await register.seatsOfPerson(t.db, who('verkenner'), who('college.leiden').userId);
		expect(seats.map((s) => `${s.collaborationName}:${s.seat}`)).toEqual(
			expect.arrayContaining(['Holland Rijnland:ab', 'Holland Rijnland:db', 'Sociaal domein Leidse regio (Wmo, jeugdhulp, werk en inkomen):ab'])
		);
		const rapporteur = await register.seatsOfPerson(t.db, who('verkenner'), who('klankbord.oegstgeest').userId);
		expect(rapporteur.map((s) => s.seat)).toContain('rapporteur');
	});

	it('plans a coming AB meeting of Holland Rijnland with a cover note Leiden shared and one Leiderdorp keeps internal', async () => {
		const hr = ids.get('Holland Rijnland')!;
		const forLeiden = await register.listBoardMeetings(t.db, who('griffie.leiden'), hr, demoDay(0));
		const ab = forLeiden.upcoming.find((mt) => mt.board === 'ab')!;
		expect(ab.on > demoDay(0) && ab.on <= demoDay(14)).toBe(true);
		expect(ab.notes.map((n) => n.municipalityId).sort()).toEqual(['leiden']);
		const forLeiderdorp = await register.listBoardMeetings(t.db, who('griffie.leiderdorp'), hr, demoDay(0));
		expect(
			forLeiderdorp.upcoming
				.find((mt) => mt.id === ab.id)!
				.notes.map((n) => n.municipalityId)
				.sort()
		).toEqual(['leiden', 'leiderdorp']);
	});

	it('holds one completed evaluation with the choice and the scores of three municipalities', async () => {
		const assessments = (await Promise.all([...ids.values()].map((id) => register.listAssessments(t.db, who('verkenner'), id)))).flatMap((l) => l.assessments);
		expect(assessments).toHaveLength(1);
		const one = await register.getAssessment(t.db, who('verkenner'), assessments[0].id);
		expect(one.assessment.completedAt).not.toBeNull();
		expect(one.assessment.choice).toBe('samen_doen');
		expect(new Set(one.history.map((h) => h.municipalityId)).size).toBe(3);
	});

	it('is told once: a second call adds nothing', async () => {
		const again = await seedDemoRegister(t.db);
		expect(again.size).toBe(0);
		expect(await register.listCollaborations(t.db, who('verkenner'))).toHaveLength(ids.size);
	});
});
