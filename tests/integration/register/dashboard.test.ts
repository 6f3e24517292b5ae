import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { collaborationReports } from '../../../src/lib/server/db/schema';
import * as register from '../../../src/lib/server/modules/register';
import { DomainError } from '../../../src/lib/server/errors';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { testOrigin } from '../../fixtures/factories';
import { registerSuite } from './helpers';
import { TODAY, addBoardMeeting, addMoments, completedAssessment, smallRegister } from './dashboard-helpers';

const s = registerSuite();

describe('the register dashboard', () => {
	it('shows a municipality exactly the figures the register lists: its arrangements, this year’s contribution, exit cost and notice term', async () => {
		const { sp, hr } = await smallRegister(s);
		const dash = await register.registerDashboard(s.db, s.kbLeiden.actor, 'leiden', TODAY);
		const listed = await register.listCollaborations(s.db, s.kbLeiden.actor, { municipalityId: 'leiden' });
		expect(dash.arrangements.map((a) => a.id).sort()).toEqual(listed.map((c) => c.id).sort());
		for (const a of dash.arrangements) {
			const full = await register.getCollaboration(s.db, s.kbLeiden.actor, a.id);
			const own = full.contributions.filter((c) => c.municipalityId === 'leiden' && c.year === 2026);
			expect(a.contributionCents).toBe(own.length ? own[0].cents : null);
			const part = full.participants.find((p) => p.municipalityId === 'leiden');
			expect(a.exitCostCents).toBe(part?.exitCostCents ?? null);
			expect([a.noticeTerm, a.noticeUnit]).toEqual([part?.noticeTerm ?? null, part?.noticeUnit ?? null]);
		}
		expect(dash.arrangements.find((a) => a.id === sp)?.contributionCents).toBe(1_000_000_00);
		expect(dash.totalContributionCents).toBe(1_000_000_00 + 42_500_00);
		expect(dash.totalContributionCents).toBe((await register.municipalityOverview(s.db, s.kbLeiden.actor, 'leiden', TODAY)).totalContributionCents);
		// The trend: from the first year with a contribution up to this one (no zeros for years before), only Leiden's amounts.
		expect(dash.trend).toEqual([
			{ year: 2024, cents: 900_000_00 },
			{ year: 2025, cents: 950_000_00 + 40_000_00 },
			{ year: 2026, cents: 1_000_000_00 + 42_500_00 }
		]);
		expect(hr).toBeTruthy();
	});

	it('shows the region the five’s totals per municipality, each equal to that municipality’s own dashboard', async () => {
		const dash = await register.registerDashboard(s.db, s.verkenner.actor, 'regio', TODAY);
		const byId = new Map(dash.perMunicipality.map((p) => [p.municipalityId, p]));
		expect(byId.get('leiden')?.contributionCents).toBe(1_042_500_00);
		expect(byId.get('oegstgeest')?.contributionCents).toBe(210_000_00);
		expect(byId.get('voorschoten')).toMatchObject({ arrangements: 0, contributionCents: 0 });
		for (const p of dash.perMunicipality) {
			const own = await register.registerDashboard(s.db, s.verkenner.actor, p.municipalityId as 'leiden', TODAY);
			expect(p.contributionCents).toBe(own.totalContributionCents);
			expect(p.arrangements).toBe(own.arrangements.length);
		}
		expect(dash.totalContributionCents).toBe(1_042_500_00 + 210_000_00 + 180_000_00);
		const sp = dash.arrangements.find((a) => a.name === 'Servicepunt71');
		expect(sp?.contributionCents).toBe(1_000_000_00 + 210_000_00 + 180_000_00);
		expect(sp?.exitCostCents).toBe(250_000_00 + 80_000_00 + 75_000_00);
		expect(sp?.municipalityIds.sort()).toEqual(['leiden', 'leiderdorp', 'oegstgeest', 'zoeterwoude']);
	});

	it('counts a decision moment as coming up from today to six months ahead, both days included, with board meetings', async () => {
		const [sp] = (await register.listCollaborations(s.db, s.verkenner.actor, { municipalityId: 'oegstgeest' })).map((c) => c.id);
		await addMoments(s, sp, [
			{ kind: 'begroting', on: '2026-12-05' },
			{ kind: 'begroting', on: TODAY, note: 'vandaag' },
			{ kind: 'kadernota', on: '2027-06-06', note: 'laatste dag' },
			{ kind: 'jaarrekening', on: '2027-06-07' },
			{ kind: 'zienswijze', on: '2027-01-20', municipalityId: 'leiden' },
			{ kind: 'zienswijze', on: '2027-01-21', municipalityId: 'oegstgeest' }
		]);
		await addBoardMeeting(s.db, sp, 'ab', '2027-01-15', 'AB januari');
		await addBoardMeeting(s.db, sp, 'db', '2027-07-01');
		const dash = await register.registerDashboard(s.db, s.kbLeiden.actor, 'leiden', TODAY);
		expect(dash.upcoming.map((u) => [u.on, u.kind, u.source])).toEqual([
			[TODAY, 'begroting', 'cycle'],
			['2027-01-15', 'ab', 'board'],
			['2027-01-20', 'zienswijze', 'cycle'],
			['2027-06-06', 'kadernota', 'cycle']
		]);
		expect(dash.upcomingUntil).toBe('2027-06-06');
		const region = await register.registerDashboard(s.db, s.verkenner.actor, 'regio', TODAY);
		// A moment for all participants shows once in the region, not once per municipality.
		expect(region.upcoming.filter((u) => u.kind === 'begroting')).toHaveLength(1);
		expect(region.upcoming.map((u) => u.on)).toContain('2027-01-21');
	});

	it('counts a zienswijze as overdue once its deadline has passed, for six months back, and only its own council’s', async () => {
		const [sp] = (await register.listCollaborations(s.db, s.verkenner.actor, { municipalityId: 'oegstgeest' })).map((c) => c.id);
		await addMoments(s, sp, [
			{ kind: 'zienswijze', on: '2026-12-05', municipalityId: 'leiden', note: 'begroting 2027' },
			{ kind: 'zienswijze', on: '2026-06-06', municipalityId: 'leiden' },
			{ kind: 'zienswijze', on: '2026-06-05', municipalityId: 'leiden' },
			{ kind: 'zienswijze', on: '2026-11-30', municipalityId: 'oegstgeest' },
			{ kind: 'zienswijze', on: '2026-11-01' },
			{ kind: 'kadernota', on: '2026-11-15' }
		]);
		const dash = await register.registerDashboard(s.db, s.kbLeiden.actor, 'leiden', TODAY);
		expect(dash.overdue.map((o) => o.on)).toEqual(['2026-12-05', '2026-11-01', '2026-06-06']);
		expect(dash.overdue[0]).toMatchObject({ collaborationName: 'Servicepunt71', note: 'begroting 2027' });
		// Today's deadline has not passed yet: it is coming up, not overdue.
		expect(dash.overdue.map((o) => o.on)).not.toContain(TODAY);
		const oegstgeest = await register.registerDashboard(s.db, s.kbLeiden.actor, 'oegstgeest', TODAY);
		expect(oegstgeest.overdue.map((o) => o.on)).toEqual(['2026-11-30', '2026-11-01']);
	});

	it('shows the latest completed assessment of the scope’s arrangements with every participant’s scores; an unfinished one does not count', async () => {
		const [sp] = (await register.listCollaborations(s.db, s.verkenner.actor, { municipalityId: 'oegstgeest' })).map((c) => c.id);
		await completedAssessment(s.db, sp, 'Evaluatie 2022', new Date('2022-05-01T10:00:00Z'), [['leiden', 'efficiency', 2]]);
		await completedAssessment(s.db, sp, 'Evaluatie 2026', new Date('2026-10-01T10:00:00Z'), [
			['leiden', 'efficiency', 4],
			['leiden', 'kwaliteit', 5],
			['oegstgeest', 'efficiency', 3]
		]);
		await completedAssessment(s.db, sp, 'Concept', null, [['leiden', 'efficiency', 1]]);
		const dash = await register.registerDashboard(s.db, s.kbLeiden.actor, 'leiden', TODAY);
		expect(dash.assessment?.title).toBe('Evaluatie 2026');
		// Leiden weighs its own judgement against Oegstgeest's.
		expect(dash.assessment?.scores).toEqual([
			{ municipalityId: 'leiden', criterion: 'efficiency', score: 4 },
			{ municipalityId: 'oegstgeest', criterion: 'efficiency', score: 3 },
			{ municipalityId: 'leiden', criterion: 'kwaliteit', score: 5 }
		]);
		const region = await register.registerDashboard(s.db, s.verkenner.actor, 'regio', TODAY);
		expect(region.assessment?.scores).toHaveLength(3);
		const voorschoten = await register.registerDashboard(s.db, s.meelezer.actor, 'voorschoten', TODAY);
		expect(voorschoten.assessment).toBeNull();
	});

	it('lists what changed since the municipality’s latest half-yearly report: its own part and the shared data, not another municipality’s part', async () => {
		const leidenBefore = await register.registerDashboard(s.db, s.kbLeiden.actor, 'leiden', TODAY);
		expect(leidenBefore.changes).toBeNull();
		const [sp] = (await register.listCollaborations(s.db, s.verkenner.actor, { municipalityId: 'oegstgeest' })).map((c) => c.id);
		await s.db.insert(collaborationReports).values({ municipalityId: 'leiden', half: '2025-H2', createdAt: sql`now() - interval '1 hour'` });
		await s.db.insert(collaborationReports).values({ municipalityId: 'leiden', half: '2026-H1' });
		await register.setContribution(
			s.db,
			s.adviseurLeiden.actor,
			{ collaborationId: sp, municipalityId: 'leiden', year: 2027, cents: 1_050_000_00, key: 'inwoners' },
			testOrigin
		);
		await register.setContribution(
			s.db,
			s.adviseurOegstgeest.actor,
			{ collaborationId: sp, municipalityId: 'oegstgeest', year: 2027, cents: 220_000_00, key: 'inwoners' },
			testOrigin
		);
		await register.addMoment(s.db, s.verkenner.actor, { collaborationId: sp, kind: 'evaluatie', on: '2027-03-01' }, testOrigin);
		const dash = await register.registerDashboard(s.db, s.kbLeiden.actor, 'leiden', TODAY);
		expect(dash.changes?.report.half).toBe('2026-H1');
		expect(dash.changes?.rows.map((r) => r.action).sort()).toEqual(['collaboration.contribution_set', 'collaboration.moment_added']);
		expect(dash.changes?.rows.every((r) => r.collaborationName === 'Servicepunt71' && r.label.length > 0)).toBe(true);
		// Oegstgeest has no report yet: nothing to count from.
		expect((await register.registerDashboard(s.db, s.kbLeiden.actor, 'oegstgeest', TODAY)).changes).toBeNull();
		const region = await register.registerDashboard(s.db, s.verkenner.actor, 'regio', TODAY);
		expect(region.changes?.rows).toHaveLength(3);
	});

	it('opens on the reader’s own municipality, the region for the regional roles; an unknown municipality is a 400 naming what to choose', async () => {
		expect(register.parseScope(s.kbLeiden.actor, null)).toBe('leiden');
		expect(register.parseScope(s.meelezer.actor, '')).toBe('voorschoten');
		expect(register.parseScope(s.verkenner.actor, null)).toBe('regio');
		expect(register.parseScope(s.kbLeiden.actor, 'regio')).toBe('regio');
		expect(register.parseScope(s.kbLeiden.actor, 'oegstgeest')).toBe('oegstgeest');
		for (const bad of ['amsterdam', 'LEIDEN', '<script>', 'x'.repeat(5000)]) {
			const err = (() => {
				try {
					register.parseScope(s.kbLeiden.actor, bad);
				} catch (e) {
					return e;
				}
			})();
			expect(err).toBeInstanceOf(DomainError);
			expect((err as DomainError).status).toBe(400);
			expect((err as DomainError).key).toBe('validation_regdash_municipality');
		}
		await expect(register.registerDashboard(s.db, null, 'leiden', TODAY)).rejects.toBeInstanceOf(ForbiddenError);
	});
});
