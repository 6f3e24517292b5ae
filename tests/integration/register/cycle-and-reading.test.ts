import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testOrigin } from '../../fixtures/factories';
import { collaborationMoments } from '../../../src/lib/server/db/schema';
import * as register from '../../../src/lib/server/modules/register';
import { ValidationError } from '../../../src/lib/server/errors';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { rejection } from '../agenda/helpers';
import { arrangementWith, registerSuite, registerAudit, servicepunt, servicepuntParticipants } from './helpers';

const s = registerSuite();
let spId: string;

beforeAll(async () => {
	spId = (await register.createCollaboration(s.db, s.verkenner.actor, servicepunt(), testOrigin)).id;
	await register.setParticipants(s.db, s.verkenner.actor, { collaborationId: spId, ...servicepuntParticipants }, testOrigin);
});

const moments = (id: string) => s.db.select().from(collaborationMoments).where(eq(collaborationMoments.collaborationId, id));

describe('the cycle of decision moments', () => {
	it('adds, changes and removes a moment, each with an audit row and an event', async () => {
		const id = await arrangementWith(s, { name: 'Holland Rijnland', legalForm: 'openbaar_lichaam' }, 'leiden', ['Katwijk']);
		const { id: momentId } = await register.addMoment(
			s.db,
			s.verkenner.actor,
			{ collaborationId: id, kind: 'zienswijze', on: '2026-06-15', municipalityId: 'leiden', note: 'Ontwerpbegroting 2027' },
			testOrigin
		);
		await register.changeMoment(
			s.db,
			s.admin.actor,
			{ collaborationId: id, momentId, kind: 'zienswijze', on: '2026-06-22', municipalityId: 'leiden', note: 'Ontwerpbegroting 2027' },
			testOrigin
		);
		expect((await moments(id)).map((m) => [m.kind, m.on, m.municipalityId, m.note])).toEqual([['zienswijze', '2026-06-22', 'leiden', 'Ontwerpbegroting 2027']]);
		await register.removeMoment(s.db, s.verkenner.actor, { collaborationId: id, momentId }, testOrigin);
		expect(await moments(id)).toEqual([]);
		const audit = await registerAudit(s.db, id);
		expect(audit.slice(-3).map((a) => a.action)).toEqual(['collaboration.moment_added', 'collaboration.moment_changed', 'collaboration.moment_removed']);
		expect(audit.at(-2)!.details).toEqual({ momentId, changes: { on: { from: '2026-06-15', to: '2026-06-22' } } });
		expect(s.events.slice(-3).map((e) => [e.part, e.municipalityId])).toEqual([
			['moments', 'leiden'],
			['moments', 'leiden'],
			['moments', 'leiden']
		]);
	});

	it('refuses a moment for a council that does not take part, an unknown kind or date, nothing stored', async () => {
		const before = (await moments(spId)).length;
		const notIn = await rejection(
			register.addMoment(s.db, s.verkenner.actor, { collaborationId: spId, kind: 'zienswijze', on: '2026-06-15', municipalityId: 'voorschoten' }, testOrigin)
		);
		expect(notIn.fields).toEqual({ municipalityId: 'validation_register_not_participant' });
		const kind = await rejection(register.addMoment(s.db, s.verkenner.actor, { collaborationId: spId, kind: 'feest', on: '2026-06-15' }, testOrigin));
		expect(kind).toBeInstanceOf(ValidationError);
		expect(kind.fields.kind).toBe('validation_register_moment_kind');
		const date = await rejection(register.addMoment(s.db, s.verkenner.actor, { collaborationId: spId, kind: 'begroting', on: '15-06-2026' }, testOrigin));
		expect(date.fields.on).toBe('validation_register_date');
		expect((await moments(spId)).length).toBe(before);
	});

	it('refuses a moment of another arrangement, and changing one to a council that does not take part', async () => {
		const { id: momentId } = await register.addMoment(s.db, s.verkenner.actor, { collaborationId: spId, kind: 'begroting', on: '2026-07-01' }, testOrigin);
		const { id: other } = await register.createCollaboration(
			s.db,
			s.verkenner.actor,
			servicepunt({ name: 'LAB071', kind: 'licht', legalForm: null }),
			testOrigin
		);
		const wrong = await rejection(register.removeMoment(s.db, s.verkenner.actor, { collaborationId: other, momentId }, testOrigin));
		expect([wrong.key, wrong.status]).toEqual(['register_moment_not_found', 404]);
		const notIn = await rejection(
			register.changeMoment(
				s.db,
				s.verkenner.actor,
				{ collaborationId: spId, momentId, kind: 'begroting', on: '2026-07-01', municipalityId: 'voorschoten' },
				testOrigin
			)
		);
		expect(notIn.fields).toEqual({ municipalityId: 'validation_register_not_participant' });
		expect((await moments(spId)).find((m) => m.id === momentId)?.municipalityId).toBeNull();
		await register.removeMoment(s.db, s.verkenner.actor, { collaborationId: spId, momentId }, testOrigin);
	});

	it.each(['adviseurLeiden', 'kbLeiden', 'griffieLeiden', 'meelezer'] as const)('is regional data: %s may not add one', async (who) => {
		expect(await rejection(register.addMoment(s.db, s[who].actor, { collaborationId: spId, kind: 'begroting', on: '2026-07-01' }, testOrigin))).toBeInstanceOf(
			ForbiddenError
		);
	});
});

describe('reading the register', () => {
	it('lists the arrangements by name, filtered by municipality, kind and domain; every role reads it', async () => {
		const wodv = await arrangementWith(
			s,
			{
				name: 'Werkorganisatie Duivenvoorde',
				legalForm: 'bedrijfsvoeringsorganisatie',
				domain: 'Bedrijfsvoering',
				leadMunicipalityId: 'voorschoten'
			},
			'voorschoten',
			['Wassenaar']
		);
		for (const who of ['verkenner', 'admin', 'adviseurLeiden', 'kbLeiden', 'collegeLeiden', 'griffieLeiden', 'meelezer'] as const) {
			const names = (await register.listCollaborations(s.db, s[who].actor, { municipalityId: 'voorschoten' })).map((r) => r.name);
			expect(names, who).toEqual(['Werkorganisatie Duivenvoorde']);
		}
		const leiden = await register.listCollaborations(s.db, s.meelezer.actor, { municipalityId: 'leiden', kind: 'gr', domain: 'bedrijfsvoering' });
		expect(leiden.map((r) => r.name)).toContain('Servicepunt71');
		expect(leiden.map((r) => r.name)).not.toContain('Werkorganisatie Duivenvoorde');
		const light = await register.listCollaborations(s.db, s.meelezer.actor, { kind: 'licht' });
		expect(light.every((r) => r.kind === 'licht')).toBe(true);
		const all = await register.listCollaborations(s.db, s.meelezer.actor);
		expect(all.find((r) => r.id === wodv)).toMatchObject({ municipalityIds: ['voorschoten'], outside: ['Wassenaar'] });
		expect((await rejection(register.listCollaborations(s.db, s.meelezer.actor, { kind: 'fusie' }))).fields.kind).toBe('validation_register_kind');
		expect(await rejection(register.listCollaborations(s.db, null))).toBeInstanceOf(ForbiddenError);
	});

	it('refuses reading one that does not exist, or by a malformed id', async () => {
		expect((await rejection(register.getCollaboration(s.db, s.meelezer.actor, crypto.randomUUID()))).key).toBe('register_not_found');
		expect(await rejection(register.getCollaboration(s.db, s.meelezer.actor, "1' or 1=1"))).toBeInstanceOf(ValidationError);
		expect(await rejection(register.getCollaboration(s.db, null, spId))).toBeInstanceOf(ForbiddenError);
	});

	it("shows a municipality's arrangements with this year's contribution, exit cost, notice term and the moments of the next six months", async () => {
		const today = '2026-03-15';
		await register.setContribution(
			s.db,
			s.adviseurOegstgeest.actor,
			{ collaborationId: spId, municipalityId: 'oegstgeest', year: 2026, cents: 75_000_00, key: 'inwoners' },
			testOrigin
		);
		await register.setContribution(
			s.db,
			s.adviseurOegstgeest.actor,
			{ collaborationId: spId, municipalityId: 'oegstgeest', year: 2025, cents: 70_000_00, key: 'inwoners' },
			testOrigin
		);
		const add = (on: string, municipalityId: string | null, kind = 'zienswijze') =>
			register.addMoment(s.db, s.verkenner.actor, { collaborationId: spId, kind, on, municipalityId }, testOrigin);
		await add('2026-03-14', 'oegstgeest'); // yesterday: not coming up
		await add('2026-04-01', 'oegstgeest');
		await add('2026-05-01', 'leiden'); // another council's deadline
		await add('2026-06-01', null, 'kadernota');
		await add('2026-09-15', null, 'begroting'); // the last day of the six months
		await add('2026-09-16', null, 'jaarrekening'); // one day beyond
		const { id: ended } = await register.createCollaboration(
			s.db,
			s.verkenner.actor,
			servicepunt({ name: 'Oude regeling', startsOn: '2000-01-01' }),
			testOrigin
		);
		await register.setParticipants(s.db, s.verkenner.actor, { collaborationId: ended, municipalities: [{ municipalityId: 'oegstgeest' }] }, testOrigin);
		await register.endCollaboration(s.db, s.verkenner.actor, { collaborationId: ended, revision: 1, endsOn: '2025-12-31' }, testOrigin);

		const view = await register.municipalityOverview(s.db, s.meelezer.actor, 'oegstgeest', today);
		expect(view.year).toBe(2026);
		expect(view.arrangements).toEqual([
			{
				id: spId,
				name: 'Servicepunt71',
				kind: 'gr',
				domain: 'Bedrijfsvoering',
				exitCostCents: 75_000_00,
				noticeTerm: 24,
				noticeUnit: 'maanden',
				contribution: { cents: 75_000_00, key: 'inwoners', shareBp: null }
			}
		]);
		expect(view.totalContributionCents).toBe(75_000_00);
		expect(view.upcoming.map((m) => [m.on, m.kind, m.municipalityId, m.collaborationName])).toEqual([
			['2026-04-01', 'zienswijze', 'oegstgeest', 'Servicepunt71'],
			['2026-06-01', 'kadernota', null, 'Servicepunt71'],
			['2026-09-15', 'begroting', null, 'Servicepunt71']
		]);
		expect((await register.municipalityOverview(s.db, s.meelezer.actor, 'voorschoten', today)).arrangements.map((a) => a.name)).not.toContain('Servicepunt71');
		expect((await rejection(register.municipalityOverview(s.db, s.meelezer.actor, 'wassenaar'))).fields).toEqual({
			municipalityId: 'validation_register_municipality'
		});
		expect(await rejection(register.municipalityOverview(s.db, null, 'leiden'))).toBeInstanceOf(ForbiddenError);
	});
});
