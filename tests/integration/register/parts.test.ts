import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { newUser, testOrigin } from '../../fixtures/factories';
import { collaborationContributions, collaborationParticipants, collaborationSeats } from '../../../src/lib/server/db/schema';
import * as register from '../../../src/lib/server/modules/register';
import { ValidationError } from '../../../src/lib/server/errors';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { rejection } from '../agenda/helpers';
import { registerSuite, registerAudit, servicepunt, servicepuntArrangement, servicepuntParticipants } from './helpers';

const s = registerSuite();

const arrangement = () => servicepuntArrangement(s);

/** Custom shares (basis points) of Leiden, Leiderdorp, Oegstgeest and Zoeterwoude, in that order. */
const percentages = (...bps: number[]) =>
	['leiden', 'leiderdorp', 'oegstgeest', 'zoeterwoude'].slice(0, bps.length).map((municipalityId, i) => ({ municipalityId, shareBp: bps[i] }));

const stored = async (id: string) => ({
	participants: await s.db.select().from(collaborationParticipants).where(eq(collaborationParticipants.collaborationId, id)),
	contributions: await s.db.select().from(collaborationContributions).where(eq(collaborationContributions.collaborationId, id)),
	seats: await s.db.select().from(collaborationSeats).where(eq(collaborationSeats.collaborationId, id))
});

describe('participants', () => {
	it('stores the five that take part with exit cost and notice term, and outside parties by name', async () => {
		const { id } = await register.createCollaboration(s.db, s.verkenner.actor, servicepunt({ name: 'WODV', leadMunicipalityId: 'voorschoten' }), testOrigin);
		await register.setParticipants(
			s.db,
			s.admin.actor,
			{
				collaborationId: id,
				municipalities: [{ municipalityId: 'voorschoten', exitCostCents: 1_000_000_00, noticeTerm: 2, noticeUnit: 'jaren' }],
				outside: ['Wassenaar']
			},
			testOrigin
		);
		const { participants } = await register.getCollaboration(s.db, s.verkenner.actor, id);
		expect(participants.map((p) => [p.municipalityId, p.outsideName, p.exitCostCents, p.noticeTerm, p.noticeUnit])).toEqual([
			['voorschoten', null, 1_000_000_00, 2, 'jaren'],
			[null, 'Wassenaar', null, null, null]
		]);
		const [, set] = await registerAudit(s.db, id);
		expect([set.action, set.details]).toEqual(['collaboration.participants_set', { before: [], after: ['voorschoten', 'Wassenaar'] }]);
		expect(s.events.at(-1)).toMatchObject({ collaborationId: id, part: 'participants' });
	});

	it.each([
		[
			'a notice term without a unit',
			[{ municipalityId: 'leiden', noticeTerm: 6 }],
			[],
			'municipalities.0.noticeUnit',
			'validation_register_notice_unit_missing'
		],
		['a municipality outside the five', [{ municipalityId: 'wassenaar' }], [], 'municipalities.0.municipalityId', 'validation_register_municipality'],
		['a municipality twice', [{ municipalityId: 'leiden' }, { municipalityId: 'leiden' }], [], 'municipalities', 'validation_register_duplicate'],
		['a negative exit cost', [{ municipalityId: 'leiden', exitCostCents: -1 }], [], 'municipalities.0.exitCostCents', 'validation_register_amount'],
		[
			'an exit cost in fractions of a cent',
			[{ municipalityId: 'leiden', exitCostCents: 1.5 }],
			[],
			'municipalities.0.exitCostCents',
			'validation_register_amount'
		],
		['an outside party twice', [], ['Wassenaar', 'wassenaar'], 'outside', 'validation_register_duplicate'],
		['an outside party without a name', [], [' '], 'outside.0', 'validation_register_outside_name']
	])('refuses %s, storing nothing', async (_, municipalities, outside, field, key) => {
		const id = await arrangement();
		const before = await stored(id);
		const err = await rejection(register.setParticipants(s.db, s.verkenner.actor, { collaborationId: id, municipalities, outside }, testOrigin));
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fields[field]).toBe(key);
		expect(await stored(id)).toEqual(before);
		expect(s.events).toEqual([]);
	});

	it('will not take off a municipality that still has board members or contributions', async () => {
		const id = await arrangement();
		await register.setSeats(
			s.db,
			s.adviseurOegstgeest.actor,
			{ collaborationId: id, municipalityId: 'oegstgeest', seats: [{ board: 'ab', name: 'Wethouder O', holderRole: 'college' }] },
			testOrigin
		);
		const before = await stored(id);
		const without = servicepuntParticipants.municipalities.filter((p) => p.municipalityId !== 'oegstgeest');
		const err = await rejection(register.setParticipants(s.db, s.verkenner.actor, { collaborationId: id, municipalities: without }, testOrigin));
		expect(err.fields).toEqual({ municipalities: 'validation_register_participant_in_use' });
		expect(await stored(id)).toEqual(before);
	});

	it('is regional data: an official may not set it', async () => {
		const id = await arrangement();
		expect(
			await rejection(register.setParticipants(s.db, s.adviseurLeiden.actor, { collaborationId: id, ...servicepuntParticipants }, testOrigin))
		).toBeInstanceOf(ForbiddenError);
	});
});

describe("a year's contributions", () => {
	it('splits a total by inhabitants over the participants in whole cents that add up exactly', async () => {
		const id = await arrangement();
		await register.splitContributions(s.db, s.verkenner.actor, { collaborationId: id, year: 2026, key: 'inwoners', totalCents: 1_000_000_01 }, testOrigin);
		const { contributions } = await register.getCollaboration(s.db, s.meelezer.actor, id);
		expect(contributions.map((r) => r.municipalityId).sort()).toEqual(['leiden', 'leiderdorp', 'oegstgeest', 'zoeterwoude']);
		expect(contributions.reduce((s, r) => s + r.cents, 0)).toBe(1_000_000_01);
		expect(contributions.every((r) => r.key === 'inwoners' && r.shareBp === null && r.year === 2026)).toBe(true);
		const leiden = contributions.find((r) => r.municipalityId === 'leiden')!;
		expect(leiden.cents).toBeGreaterThan(contributions.find((r) => r.municipalityId === 'zoeterwoude')!.cents * 10);
		const audit = (await registerAudit(s.db, id)).at(-1)!;
		expect(audit.action).toBe('collaboration.contributions_set');
		expect(s.events).toEqual([expect.objectContaining({ part: 'contributions', municipalityId: null })]);
	});

	it('splits by custom percentages that make exactly 100 %, replacing the year', async () => {
		const id = await arrangement();
		await register.splitContributions(s.db, s.verkenner.actor, { collaborationId: id, year: 2026, key: 'gelijk', totalCents: 400_00 }, testOrigin);
		const shares = percentages(5000, 2000, 2000, 1000);
		await register.splitContributions(s.db, s.admin.actor, { collaborationId: id, year: 2026, key: 'maatwerk', totalCents: 1000_00, shares }, testOrigin);
		const { contributions } = await register.getCollaboration(s.db, s.verkenner.actor, id);
		expect(Object.fromEntries(contributions.map((r) => [r.municipalityId, [r.cents, r.key, r.shareBp]]))).toEqual({
			leiden: [500_00, 'maatwerk', 5000],
			leiderdorp: [200_00, 'maatwerk', 2000],
			oegstgeest: [200_00, 'maatwerk', 2000],
			zoeterwoude: [100_00, 'maatwerk', 1000]
		});
	});

	it.each([
		['percentages that add up to 99 %', [5000, 2000, 2000, 900], 'shares', 'validation_register_percentages_sum'],
		['percentages that add up to 101 %', [5000, 2000, 2000, 1100], 'shares', 'validation_register_percentages_sum'],
		['a participant without a percentage', [5000, 3000, 2000], 'shares', 'validation_register_percentages_missing']
	])('refuses %s, keeping the year as it was', async (_, bps, field, key) => {
		const id = await arrangement();
		await register.splitContributions(s.db, s.verkenner.actor, { collaborationId: id, year: 2026, key: 'gelijk', totalCents: 400_00 }, testOrigin);
		const before = await stored(id);
		const shares = percentages(...bps);
		const err = await rejection(
			register.splitContributions(s.db, s.verkenner.actor, { collaborationId: id, year: 2026, key: 'maatwerk', totalCents: 1000_00, shares }, testOrigin)
		);
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fields[field]).toBe(key);
		expect(await stored(id)).toEqual(before);
	});

	it('refuses a percentage for a municipality that does not take part, a bad year, key or amount', async () => {
		const id = await arrangement();
		const base = { collaborationId: id, year: 2026, key: 'maatwerk', totalCents: 100 };
		const shares = [{ municipalityId: 'voorschoten', shareBp: 10000 }];
		expect((await rejection(register.splitContributions(s.db, s.verkenner.actor, { ...base, shares }, testOrigin))).fields).toEqual({
			shares: 'validation_register_not_participant'
		});
		expect((await rejection(register.splitContributions(s.db, s.verkenner.actor, { ...base, year: 1999 }, testOrigin))).fields.year).toBe(
			'validation_register_year'
		);
		expect((await rejection(register.splitContributions(s.db, s.verkenner.actor, { ...base, key: 'willekeurig' }, testOrigin))).fields.key).toBe(
			'validation_register_key'
		);
		expect((await rejection(register.splitContributions(s.db, s.verkenner.actor, { ...base, totalCents: '100' }, testOrigin))).fields.totalCents).toBe(
			'validation_register_amount'
		);
		expect((await stored(id)).contributions).toEqual([]);
	});

	it('is regional: an official may not split the year', async () => {
		const id = await arrangement();
		expect(
			await rejection(
				register.splitContributions(s.db, s.adviseurLeiden.actor, { collaborationId: id, year: 2026, key: 'gelijk', totalCents: 100 }, testOrigin)
			)
		).toBeInstanceOf(ForbiddenError);
	});
});

describe("a municipality's own contribution", () => {
	it("is recorded by that municipality's official, and corrected later", async () => {
		const id = await arrangement();
		const input = { collaborationId: id, municipalityId: 'leiden', year: 2026, cents: 123_456_78, key: 'inwoners' };
		await register.setContribution(s.db, s.adviseurLeiden.actor, input, testOrigin);
		await register.setContribution(s.db, s.adviseurLeiden.actor, { ...input, cents: 130_000_00 }, testOrigin);
		const { contributions } = await register.getCollaboration(s.db, s.verkenner.actor, id);
		expect(contributions.map((r) => [r.municipalityId, r.year, r.cents, r.key])).toEqual([['leiden', 2026, 130_000_00, 'inwoners']]);
		const audit = (await registerAudit(s.db, id)).at(-1)!;
		expect([audit.action, audit.actorUserId, audit.details]).toEqual([
			'collaboration.contribution_set',
			s.adviseurLeiden.id,
			{ year: 2026, municipalityId: 'leiden', key: 'inwoners', cents: 130_000_00, before: 123_456_78 }
		]);
		expect(s.events.at(-1)).toMatchObject({ part: 'contributions', municipalityId: 'leiden' });
	});

	it('refuses an official acting for another municipality, and a reader; the verkenner may correct any', async () => {
		const id = await arrangement();
		const input = { collaborationId: id, municipalityId: 'oegstgeest', year: 2026, cents: 100, key: 'gelijk' };
		expect(await rejection(register.setContribution(s.db, s.adviseurLeiden.actor, input, testOrigin))).toBeInstanceOf(ForbiddenError);
		for (const who of ['kbLeiden', 'collegeLeiden', 'griffieLeiden', 'meelezer'] as const)
			expect(await rejection(register.setContribution(s.db, s[who].actor, { ...input, municipalityId: 'leiden' }, testOrigin)), who).toBeInstanceOf(
				ForbiddenError
			);
		expect((await stored(id)).contributions).toEqual([]);
		await register.setContribution(s.db, s.verkenner.actor, input, testOrigin);
		expect((await stored(id)).contributions).toHaveLength(1);
	});

	it('refuses a municipality that does not take part, another key than the year follows, and percentages over 100 %', async () => {
		const id = await arrangement();
		const voorschoten = await newAdviseur('voorschoten');
		const notIn = await rejection(
			register.setContribution(s.db, voorschoten, { collaborationId: id, municipalityId: 'voorschoten', year: 2026, cents: 100, key: 'gelijk' }, testOrigin)
		);
		expect(notIn.fields).toEqual({ municipalityId: 'validation_register_not_participant' });
		const shares = percentages(7000, 1000, 1000, 1000);
		await register.splitContributions(s.db, s.verkenner.actor, { collaborationId: id, year: 2026, key: 'maatwerk', totalCents: 1000_00, shares }, testOrigin);
		const before = await stored(id);
		const own = { collaborationId: id, municipalityId: 'oegstgeest', year: 2026, cents: 200_00 };
		expect((await rejection(register.setContribution(s.db, s.adviseurOegstgeest.actor, { ...own, key: 'inwoners' }, testOrigin))).fields).toEqual({
			key: 'validation_register_key_differs'
		});
		expect(
			(await rejection(register.setContribution(s.db, s.adviseurOegstgeest.actor, { ...own, key: 'maatwerk', shareBp: 2000 }, testOrigin))).fields
		).toEqual({
			shareBp: 'validation_register_percentages_over'
		});
		expect((await rejection(register.setContribution(s.db, s.adviseurOegstgeest.actor, { ...own, key: 'maatwerk' }, testOrigin))).fields).toEqual({
			shareBp: 'validation_register_percentages_missing'
		});
		expect(await stored(id)).toEqual(before);
		await register.setContribution(s.db, s.adviseurOegstgeest.actor, { ...own, key: 'maatwerk', shareBp: 1000 }, testOrigin);
	});
});

async function newAdviseur(municipalityId: string) {
	return (await newUser(s.db, [['ambtelijkadviseur', municipalityId]])).actor;
}

describe('board members and rapporteurs', () => {
	it("are set by the municipality's official: AB and DB with their double role, and the council's rapporteurs", async () => {
		const id = await arrangement();
		const input = {
			collaborationId: id,
			municipalityId: 'leiden',
			seats: [
				{ board: 'ab', name: 'Carla College', userId: s.collegeLeiden.id, holderRole: 'college' },
				{ board: 'db', name: 'Carla College', userId: s.collegeLeiden.id, holderRole: 'college' },
				{ board: 'ab', name: 'Rik Raadslid', holderRole: 'raad' }
			],
			rapporteurs: [{ name: 'Kees Leiden', userId: s.kbLeiden.id }]
		};
		await register.setSeats(s.db, s.adviseurLeiden.actor, input, testOrigin);
		const detail = await register.getCollaboration(s.db, s.griffieLeiden.actor, id);
		expect(detail.seats.map((s) => [s.municipalityId, s.seat, s.name, s.userId, s.holderRole])).toEqual([
			['leiden', 'ab', 'Carla College', s.collegeLeiden.id, 'college'],
			['leiden', 'ab', 'Rik Raadslid', null, 'raad'],
			['leiden', 'db', 'Carla College', s.collegeLeiden.id, 'college']
		]);
		expect(detail.rapporteurs.map((r) => [r.name, r.userId])).toEqual([['Kees Leiden', s.kbLeiden.id]]);
		// The double role shows with the person: Carla sits on both boards for Leiden as a college member.
		expect(await register.seatsOfPerson(s.db, s.meelezer.actor, s.collegeLeiden.id)).toEqual([
			{ collaborationId: id, collaborationName: 'Servicepunt71', municipalityId: 'leiden', seat: 'ab', holderRole: 'college' },
			{ collaborationId: id, collaborationName: 'Servicepunt71', municipalityId: 'leiden', seat: 'db', holderRole: 'college' }
		]);
		expect(await register.seatsOfPerson(s.db, s.meelezer.actor, s.kbLeiden.id)).toEqual([
			{ collaborationId: id, collaborationName: 'Servicepunt71', municipalityId: 'leiden', seat: 'rapporteur', holderRole: null }
		]);
		// Setting them again replaces them: nothing doubles.
		await register.setSeats(s.db, s.verkenner.actor, { ...input, seats: input.seats.slice(2), rapporteurs: [] }, testOrigin);
		const again = await register.getCollaboration(s.db, s.griffieLeiden.actor, id);
		expect([again.seats.length, again.rapporteurs.length]).toEqual([1, 0]);
		const audit = (await registerAudit(s.db, id)).at(-2)!;
		expect([audit.action, audit.details]).toEqual([
			'collaboration.seats_set',
			{ municipalityId: 'leiden', seats: ['ab: Carla College', 'db: Carla College', 'ab: Rik Raadslid'], rapporteurs: ['Kees Leiden'] }
		]);
		expect(s.events.at(-1)).toMatchObject({ part: 'seats', municipalityId: 'leiden' });
	});

	it('refuses a seat for a municipality that does not take part, for another municipality, an unknown account or board', async () => {
		const id = await arrangement();
		const seat = { board: 'ab', name: 'Vincent Voorschoten', holderRole: 'college' };
		const voorschoten = await newAdviseur('voorschoten');
		expect(
			(await rejection(register.setSeats(s.db, voorschoten, { collaborationId: id, municipalityId: 'voorschoten', seats: [seat] }, testOrigin))).fields
		).toEqual({
			municipalityId: 'validation_register_not_participant'
		});
		expect(
			await rejection(register.setSeats(s.db, s.adviseurLeiden.actor, { collaborationId: id, municipalityId: 'oegstgeest', seats: [seat] }, testOrigin))
		).toBeInstanceOf(ForbiddenError);
		expect(
			await rejection(register.setSeats(s.db, s.collegeLeiden.actor, { collaborationId: id, municipalityId: 'leiden', seats: [seat] }, testOrigin))
		).toBeInstanceOf(ForbiddenError);
		const unknown = await rejection(
			register.setSeats(
				s.db,
				s.adviseurLeiden.actor,
				{ collaborationId: id, municipalityId: 'leiden', seats: [{ ...seat, userId: crypto.randomUUID() }] },
				testOrigin
			)
		);
		expect(unknown.fields).toEqual({ seats: 'validation_register_user_unknown' });
		const board = await rejection(
			register.setSeats(s.db, s.adviseurLeiden.actor, { collaborationId: id, municipalityId: 'leiden', seats: [{ ...seat, board: 'raad' }] }, testOrigin)
		);
		expect(board.fields['seats.0.board']).toBe('validation_register_seat');
		const role = await rejection(
			register.setSeats(s.db, s.adviseurLeiden.actor, { collaborationId: id, municipalityId: 'leiden', seats: [{ ...seat, holderRole: 'burger' }] }, testOrigin)
		);
		expect(role.fields['seats.0.holderRole']).toBe('validation_register_holder_role');
		expect((await stored(id)).seats).toEqual([]);
	});
});
