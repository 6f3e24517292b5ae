import { afterAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { councilDecisions, signOffs } from '../../../src/lib/server/db/schema';
import { reopenItem, transitionItem } from '../../../src/lib/server/modules/agenda-items';
import { frozenVersion, getItemDecisions, recordCouncilDecision, recordSignOff } from '../../../src/lib/server/modules/decisions';
import { m } from '../../../src/lib/paraglide/messages.js';
import { rejection } from '../agenda/helpers';
import { readyItem, sessionConfirmed, signInput } from './helpers';

let t: TestDb;
let verkenner: NewUser;
const college: Record<string, NewUser> = {};
let secondLeiden: NewUser;
const griffie: Record<string, NewUser> = {};
const fresh = sessionConfirmed();

const ready = (async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]], { name: 'Vera Verkenner' });
	for (const m of ['leiden', 'oegstgeest', 'voorschoten']) {
		college[m] = await newUser(t.db, [['collegelid', m]], { name: `Wethouder ${m}` });
		griffie[m] = await newUser(t.db, [['griffie', m]], { name: `Griffier ${m}` });
	}
	secondLeiden = await newUser(t.db, [['collegelid', 'leiden']], { name: 'Tweede wethouder Leiden' });
})();
afterAll(() => destroy(t));

const sign = (m: string, itemId: string, v: { number: number; contentHash: string }, extra: Record<string, unknown> = {}, who = college[m]) =>
	recordSignOff(t.db, who.actor, fresh, signInput(itemId, m, v, extra), testOrigin);
const valid = (itemId: string) =>
	t.db
		.select()
		.from(signOffs)
		.where(and(eq(signOffs.itemId, itemId), isNull(signOffs.voidedAt)));
const council = (who: NewUser, itemId: string, municipalityId: string) =>
	recordCouncilDecision(t.db, who.actor, { itemId, municipalityId, meetingDate: '2026-02-01', outcome: 'ingestemd', kenmerk: 'RB/26/1' }, testOrigin);

describe('sign-off messages name the real reason', () => {
	it('a stale version number says which version is up; a wrong hash on the right number says the hash is wrong', async () => {
		await ready;
		const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		const stale = await rejection(sign('leiden', id, { number: frozen.number - 1, contentHash: frozen.contentHash }));
		expect(stale.key).toBe('decisions_signoff_version_moved_on');
		expect(stale.params).toMatchObject({ seen: frozen.number - 1, current: frozen.number });
		expect(m.decisions_signoff_version_moved_on({ seen: 3, current: 4 }, { locale: 'nl' })).toContain('U tekent versie 3, maar versie 4 ligt voor');
		const wrongHash = await rejection(sign('leiden', id, { number: frozen.number, contentHash: 'b'.repeat(64) }));
		expect(wrongHash.key).toBe('decisions_signoff_hash_mismatch');
		expect(await valid(id)).toEqual([]);
	});

	it('my own double submit is an idempotent success, a different second answer says I already signed; another member is named', async () => {
		await ready;
		const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		const first = await sign('leiden', id, frozen);
		const again = await sign('leiden', id, frozen);
		expect(again.id).toBe(first.id);
		expect(await valid(id)).toHaveLength(1);
		const other = await rejection(sign('leiden', id, frozen, { decision: 'niet_akkoord', reasons: 'Toch niet' }));
		expect(other.key).toBe('decisions_signoff_already_signed_self');
		const colleague = await rejection(sign('leiden', id, frozen, {}, secondLeiden));
		expect(colleague.key).toBe('decisions_signoff_already_recorded');
		expect(colleague.params).toMatchObject({ name: 'Wethouder leiden' });
		expect(await valid(id)).toHaveLength(1);
	});

	it('the same member submitting twice at once: one sign-off, both answered as success', async () => {
		await ready;
		const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		const results = await Promise.allSettled([sign('leiden', id, frozen), sign('leiden', id, frozen)]);
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
		expect(await valid(id)).toHaveLength(1);
	});
	it('two members of one college at once: the one refused is told who signed, by name', async () => {
		await ready;
		const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		const results = await Promise.allSettled([sign('leiden', id, frozen), sign('leiden', id, frozen, {}, secondLeiden)]);
		const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(refused).toHaveLength(1);
		expect(refused[0].reason.key).toBe('decisions_signoff_already_recorded');
		const [winner] = await valid(id);
		expect(refused[0].reason.params.name).toBe(winner.signedByName);
	});
});

describe('an earlier niet akkoord never counts in a later round', () => {
	it('reopened after a niet akkoord and frozen again: the old niet akkoord is voided visibly and the new round adopts', async () => {
		await ready;
		const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		await sign('leiden', id, frozen);
		await sign('oegstgeest', id, frozen, { decision: 'niet_akkoord', reasons: 'Te duur' });
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, testOrigin);
		const rows = await t.db.select().from(signOffs).where(eq(signOffs.itemId, id));
		expect(rows.find((r) => r.decision === 'niet_akkoord')?.voidedAt).not.toBeNull();
		const next = (await frozenVersion(t.db, id))!;
		await sign('leiden', id, next);
		expect((await sign('oegstgeest', id, next)).status).toBe('vastgesteld');
		const d = await getItemDecisions(t.db, verkenner.actor, id);
		expect(d.signOffs.filter((s) => !s.voided).every((s) => s.versionNumber === next.number)).toBe(true);
	});
});

describe('council decisions', () => {
	it('a griffie of a municipality that does not take part is refused and nothing is stored', async () => {
		await ready;
		const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		await sign('leiden', id, frozen);
		await sign('oegstgeest', id, frozen);
		const err = await rejection(council(griffie.voorschoten, id, 'voorschoten'));
		expect(err.key).toBe('decisions_council_not_participant');
		expect(await t.db.select().from(councilDecisions).where(eq(councilDecisions.itemId, id))).toEqual([]);
	});

	it('records the adopted version; after reopening and a new adoption the old decision is about the old version', async () => {
		await ready;
		const { id, frozen } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
		await sign('leiden', id, frozen);
		await sign('oegstgeest', id, frozen);
		await council(griffie.leiden, id, 'leiden');
		let d = await getItemDecisions(t.db, verkenner.actor, id);
		expect(d.council[0].versionNumber).toBe(frozen.number);
		expect(d.adopted?.versionNumber).toBe(frozen.number);

		await reopenItem(t.db, verkenner.actor, { itemId: id, from: 'vastgesteld', reason: 'De kosten zijn herzien' }, testOrigin);
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, testOrigin);
		const next = (await frozenVersion(t.db, id))!;
		await sign('leiden', id, next);
		await sign('oegstgeest', id, next);
		await council(griffie.oegstgeest, id, 'oegstgeest');
		d = await getItemDecisions(t.db, verkenner.actor, id);
		expect(d.adopted?.versionNumber).toBe(next.number);
		expect(d.council.map((c) => [c.municipalityId, c.versionNumber])).toEqual([
			['leiden', frozen.number],
			['oegstgeest', next.number]
		]);
	});
});
