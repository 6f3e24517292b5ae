import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { destroy, testDb, testBackend, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { agendaItemVersions, signOffs } from '../../../src/lib/server/db/schema';
import { getItem, reopenItem, transitionItem, updateItemFields } from '../../../src/lib/server/modules/agenda-items';
import { subscribe, type DomainEvent } from '../../../src/lib/server/bus';
import {
	frozenVersion,
	recordSignOff,
	recordCouncilDecision,
	reportProgress,
	getItemDecisions,
	municipalityOverview
} from '../../../src/lib/server/modules/decisions';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { DomainError, ValidationError } from '../../../src/lib/server/errors';
import { auditOf, recordPublished, rejection } from '../agenda/helpers';
import { readyItem, sessionConfirmed, signInput } from './helpers';

let t: TestDb;
let verkenner: NewUser;
let college: Record<string, NewUser>;
let college2Leiden: NewUser;
let griffieLeiden: NewUser;
let rec: ReturnType<typeof recordPublished>;
const fresh = sessionConfirmed();
const five = ['leiden', 'leiderdorp', 'oegstgeest', 'voorschoten', 'zoeterwoude'];

beforeAll(async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]], { name: 'Vera Verkenner' });
	college = {};
	for (const m of five) college[m] = await newUser(t.db, [['collegelid', m]], { name: `Wethouder ${m}` });
	college2Leiden = await newUser(t.db, [['collegelid', 'leiden']], { name: 'Tweede wethouder Leiden' });
	griffieLeiden = await newUser(t.db, [['griffie', 'leiden']]);
});
afterAll(() => destroy(t));
beforeEach(() => (rec = recordPublished()));
afterEach(() => rec.stop());

const sign = (m: string, itemId: string, frozen: { number: number; contentHash: string }, extra: Record<string, unknown> = {}, who = college[m]) =>
	recordSignOff(t.db, who.actor, fresh, signInput(itemId, m, frozen, extra), testOrigin);

const validOf = (itemId: string) =>
	t.db
		.select()
		.from(signOffs)
		.where(and(eq(signOffs.itemId, itemId), isNull(signOffs.voidedAt)));

describe('sign-off round', () => {
	it('all five agree on the frozen version → vastgesteld, with audit rows; council and progress follow', async () => {
		const { id, frozen } = await readyItem(t.db, verkenner.actor, five);
		for (const m of five.slice(0, 4)) expect((await sign(m, id, frozen)).status).toBe('gereed_voor_besluitvorming');
		const last = await sign('zoeterwoude', id, frozen, { decision: 'akkoord_onder_voorwaarden', conditions: ['Jaarlijkse evaluatie'] });
		expect(last.status).toBe('vastgesteld');
		expect((await getItem(t.db, verkenner.actor, id)).item.status).toBe('vastgesteld');
		const audit = await auditOf(t.db, id);
		expect(audit.filter((a) => a.action === 'signoff.recorded')).toHaveLength(5);
		expect(audit.at(-1)?.details).toMatchObject({ to: 'vastgesteld', cause: 'signoff_round' });
		expect(rec.events.some((e) => e.event === 'item:changed' && e.payload.status === 'vastgesteld')).toBe(true);

		const d = await getItemDecisions(t.db, verkenner.actor, id);
		expect(d.signOffs.every((s) => s.verified && s.versionNumber === frozen.number && !s.voided)).toBe(true);

		await recordCouncilDecision(
			t.db,
			griffieLeiden.actor,
			{
				itemId: id,
				municipalityId: 'leiden',
				meetingDate: '2026-02-01',
				outcome: 'wensen_en_bedenkingen',
				wensenEnBedenkingen: 'Let op de kosten',
				kenmerk: 'RB/26/1'
			},
			testOrigin
		);
		expect(
			await rejection(
				recordCouncilDecision(
					t.db,
					griffieLeiden.actor,
					{ itemId: id, municipalityId: 'oegstgeest', meetingDate: '2026-02-01', outcome: 'ingestemd', kenmerk: 'x' },
					testOrigin
				)
			)
		).toBeInstanceOf(ForbiddenError);
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'vastgesteld', to: 'in_uitvoering' }, testOrigin);
		await reportProgress(t.db, verkenner.actor, { itemId: id, percent: 40, note: 'Eerste fase klaar' }, testOrigin);
		const after = await getItemDecisions(t.db, verkenner.actor, id);
		expect(after.progress?.percent).toBe(40);
		expect(after.council[0].outcome).toBe('wensen_en_bedenkingen');
		const kinds = after.timeline.map((e) => e.kind);
		expect(kinds[0]).toBe('created');
		expect(kinds).toEqual(expect.arrayContaining(['version', 'signoff', 'council', 'progress']));
		expect(audit.length).toBeGreaterThan(0);
		expect((await auditOf(t.db, id)).some((a) => a.action === 'council_decision.recorded')).toBe(true);

		const ov = await municipalityOverview(t.db, college.leiden.actor, 'leiden');
		expect(ov?.signed.some((s) => s.itemId === id)).toBe(true);
	});

	it('refuses bad input with clear keys and stores nothing', async () => {
		const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		const cases: [Record<string, unknown>, string][] = [
			[{ kenmerk: '  ' }, 'kenmerk'],
			[{ meetingDate: '2999-01-01' }, 'meetingDate'],
			[{ decision: 'niet_akkoord' }, 'reasons'],
			[{ decision: 'akkoord_onder_voorwaarden' }, 'conditions']
		];
		for (const [extra, field] of cases) {
			const err = await rejection(sign('leiden', id, frozen, extra));
			expect(err).toBeInstanceOf(ValidationError);
			expect(Object.keys(err.fields)).toContain(field);
		}
		// Another municipality.
		expect(await rejection(recordSignOff(t.db, college.leiden.actor, fresh, signInput(id, 'oegstgeest', frozen), testOrigin))).toBeInstanceOf(ForbiddenError);
		// No fresh second factor.
		const stale = await rejection(recordSignOff(t.db, college.leiden.actor, sessionConfirmed(11 * 60_000), signInput(id, 'leiden', frozen), testOrigin));
		expect(stale).toBeInstanceOf(DomainError);
		expect(stale.key).toBe('auth_step_up_required');
		// Not a participant.
		expect((await rejection(sign('voorschoten', id, frozen))).key).toBe('decisions_signoff_not_participant');
		// A version that is not the frozen one.
		expect((await rejection(sign('leiden', id, { number: frozen.number - 1, contentHash: frozen.contentHash }))).key).toBe(
			'decisions_signoff_version_moved_on'
		);
		expect((await rejection(sign('leiden', id, { number: frozen.number, contentHash: 'a'.repeat(64) }))).key).toBe('decisions_signoff_hash_mismatch');
		expect(await validOf(id)).toEqual([]);
	});

	it('niet akkoord sends the item back to in bespreking and voids the others visibly', async () => {
		const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest', 'voorschoten']);
		await sign('leiden', id, frozen);
		const res = await sign('oegstgeest', id, frozen, { decision: 'niet_akkoord', reasons: 'Te duur' });
		expect(res.status).toBe('in_bespreking');
		const rows = await t.db.select().from(signOffs).where(eq(signOffs.itemId, id));
		expect(rows.find((r) => r.municipalityId === 'leiden')).toMatchObject({ voidReason: 'niet_akkoord', voidedByName: 'Wethouder oegstgeest' });
		expect(rows.find((r) => r.municipalityId === 'oegstgeest')?.voidedAt).toBeNull();
		expect((await auditOf(t.db, id)).some((a) => a.action === 'signoff.voided')).toBe(true);
	});

	it('niet akkoord with withdrawal: the round goes on without that municipality', async () => {
		const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest', 'voorschoten']);
		await sign('voorschoten', id, frozen, { decision: 'niet_akkoord', reasons: 'Doet niet mee', withdraw: true });
		await sign('leiden', id, frozen);
		expect((await sign('oegstgeest', id, frozen)).status).toBe('vastgesteld');
		const d = await getItemDecisions(t.db, verkenner.actor, id);
		expect(d.signOffs.find((s) => s.municipalityId === 'voorschoten')?.withdrawn).toBe(true);
	});

	it('editing frozen content is refused and stores nothing; the round goes on', async () => {
		const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		await sign('leiden', id, frozen);
		const item = await getItem(t.db, verkenner.actor, id);
		expect(
			(await rejection(updateItemFields(t.db, verkenner.actor, { itemId: id, revision: item.item.revision, title: 'Nieuwe titel' }, testOrigin))).key
		).toBe('agenda_item_frozen');
		const now = (await getItem(t.db, verkenner.actor, id)).item;
		expect(now).toMatchObject({ status: 'gereed_voor_besluitvorming', title: item.item.title, revision: item.item.revision });
		expect(await validOf(id)).toHaveLength(1);
		expect((await sign('oegstgeest', id, frozen)).status).toBe('vastgesteld');
	});

	it('reopening needs the verkenner and a reason, voids the sign-offs visibly and announces who was voided', async () => {
		const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		await sign('leiden', id, frozen);
		expect((await sign('oegstgeest', id, frozen)).status).toBe('vastgesteld');
		// The plain status move does not reopen: it needs the reason.
		expect((await rejection(transitionItem(t.db, verkenner.actor, { itemId: id, from: 'vastgesteld', to: 'in_bespreking' }, testOrigin))).key).toBe(
			'agenda_reopen_needs_reason'
		);
		for (const reason of [undefined, '', '  ', 'x']) {
			const err = await rejection(reopenItem(t.db, verkenner.actor, { itemId: id, from: 'vastgesteld', reason }, testOrigin));
			expect(err.fields.reason).toMatch(/^validation_agenda_reopen_reason_(required|short)$/);
		}
		const member = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
		expect((await rejection(reopenItem(t.db, member.actor, { itemId: id, from: 'vastgesteld', reason: 'Ik wil iets wijzigen' }, testOrigin))).status).toBe(403);
		expect(await validOf(id)).toHaveLength(2);

		const seen: DomainEvent[] = [];
		const stop = subscribe('*', 'test-reopen', (data, name) => void seen.push({ name, data } as DomainEvent));
		try {
			const res = await reopenItem(t.db, verkenner.actor, { itemId: id, from: 'vastgesteld', reason: 'Kosten zijn herzien' }, testOrigin);
			expect(res.voided).toBe(2);
		} finally {
			stop();
		}
		expect((await getItem(t.db, verkenner.actor, id)).item.status).toBe('in_bespreking');
		expect(await validOf(id)).toHaveLength(0);
		const rows = await t.db.select().from(signOffs).where(eq(signOffs.itemId, id));
		expect(rows.every((r) => r.voidReason === 'reopened' && r.voidedByName === 'Vera Verkenner')).toBe(true);
		const voided = seen.find((e) => e.name === 'signoff.voided');
		expect(voided?.data).toMatchObject({ count: 2, reason: 'reopened', note: 'Kosten zijn herzien', version: frozen.number });
		expect([...(voided?.data as { municipalityIds: string[] }).municipalityIds].sort()).toEqual(['leiden', 'oegstgeest']);
		const audit = (await auditOf(t.db, id)).find((a) => a.action === 'item.status_changed' && (a.details as { cause?: string }).cause === 'reopened');
		expect(audit?.details).toMatchObject({ reason: 'Kosten zijn herzien', voidedSignOffs: 2, to: 'in_bespreking' });
	});

	it('a new round voids an earlier round’s niet akkoord: it never counts against another version', async () => {
		const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		await sign('oegstgeest', id, frozen, { decision: 'niet_akkoord', reasons: 'Te duur' });
		expect(await validOf(id)).toHaveLength(1);
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, testOrigin);
		expect(await validOf(id)).toHaveLength(0);
		const next = (await frozenVersion(t.db, id))!;
		expect(next.number).toBeGreaterThan(frozen.number);
		await sign('leiden', id, next);
		expect((await sign('oegstgeest', id, next)).status).toBe('vastgesteld');
	});

	it('tampering with the stored snapshot of a signed version makes verification fail', async () => {
		const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		await sign('leiden', id, frozen);
		expect((await getItemDecisions(t.db, verkenner.actor, id)).signOffs[0].verified).toBe(true);
		const [v] = await t.db.select().from(agendaItemVersions).where(eq(agendaItemVersions.id, frozen.id));
		await t.db
			.update(agendaItemVersions)
			.set({ content: v.content.replace('Regionale', 'Gemeentelijke') })
			.where(eq(agendaItemVersions.id, frozen.id));
		expect((await getItemDecisions(t.db, verkenner.actor, id)).signOffs[0].verified).toBe(false);
	});
});

describe(`races (truly concurrent on ${testBackend})`, () => {
	it('two college members of one municipality sign at once: exactly one is recorded, the other is told', async () => {
		const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		const results = await Promise.allSettled([sign('leiden', id, frozen, { kenmerk: 'A/1' }), sign('leiden', id, frozen, { kenmerk: 'B/2' }, college2Leiden)]);
		const ok = results.filter((r) => r.status === 'fulfilled');
		const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(ok).toHaveLength(1);
		expect(refused).toHaveLength(1);
		expect(refused[0].reason.key).toBe('decisions_signoff_already_recorded');
		expect(await validOf(id)).toHaveLength(1);
	});

	it('an edit landing while a sign-off is submitted: the edit is refused, the sign-off binds to the frozen version', async () => {
		for (let round = 0; round < 3; round++) {
			const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
			const item = await getItem(t.db, verkenner.actor, id);
			const [signed, edited] = await Promise.allSettled([
				sign('leiden', id, frozen),
				updateItemFields(t.db, verkenner.actor, { itemId: id, revision: item.item.revision, summary: `Aangepast ${round}` }, testOrigin)
			]);
			expect(signed.status).toBe('fulfilled');
			expect((edited as PromiseRejectedResult).reason.key).toBe('agenda_item_frozen');
			const rows = await t.db.select().from(signOffs).where(eq(signOffs.itemId, id));
			expect(rows).toHaveLength(1);
			expect(rows[0]).toMatchObject({ versionNumber: frozen.number, contentHash: frozen.contentHash, voidedAt: null });
			expect((await getItem(t.db, verkenner.actor, id)).item.summary).toBe(item.item.summary);
		}
	});
});

describe('co-editing a frozen text', () => {
	it('a snapshot that would change it is refused; the sign-offs stay', async () => {
		const { writeSnapshot } = await import('../../../src/lib/server/modules/collaboration/commands');
		const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		await sign('leiden', id, frozen);
		const snapshot = { html: '<p>Nieuw</p>', text: 'Nieuw' };
		expect((await rejection(writeSnapshot(t.db, id, 'description', snapshot, [{ userId: verkenner.id, name: verkenner.name }]))).key).toBe(
			'agenda_item_frozen'
		);
		expect((await getItem(t.db, verkenner.actor, id)).item.status).toBe('gereed_voor_besluitvorming');
		expect(await validOf(id)).toHaveLength(1);
	});
});
