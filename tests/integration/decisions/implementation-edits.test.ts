/**
 * Implementation is not a change of the signed content. Marking a milestone done (or reporting
 * progress, or moving to in uitvoering / afgerond) keeps the college signatures valid; a real content edit
 * of an adopted item is refused, over every channel, and stores nothing: changing it takes Heropenen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { signOffs } from '../../../src/lib/server/db/schema';
import { getItem, reopenItem, restoreVersion, transitionItem, updateItemFields } from '../../../src/lib/server/modules/agenda-items';
import { DomainError } from '../../../src/lib/server/errors';
import { recordSignOff, reportProgress, getItemDecisions } from '../../../src/lib/server/modules/decisions';
import { readyItem, sessionConfirmed, signInput } from './helpers';

let t: TestDb;
let verkenner: NewUser;
let leiden: NewUser;
let oegstgeest: NewUser;

beforeAll(async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]], { name: 'Vera Verkenner' });
	leiden = await newUser(t.db, [['collegelid', 'leiden']]);
	oegstgeest = await newUser(t.db, [['collegelid', 'oegstgeest']]);
});
afterAll(() => destroy(t));

const milestones = (done: boolean) => [
	{ title: 'Startbijeenkomst', dueDate: '2026-02-01', done },
	{ title: 'Eerste oplevering', dueDate: '2026-06-01', done: false }
];

/** An item with two milestones, signed by Leiden and Oegstgeest: vastgesteld. */
async function adoptedItem() {
	const { id } = await readyItem(t.db, verkenner.actor, ['leiden', 'oegstgeest']);
	// Milestones are part of the plan the colleges sign: add them before the round, then freeze again.
	await reopenItem(t.db, verkenner.actor, { itemId: id, from: 'gereed_voor_besluitvorming', reason: 'Mijlpalen toevoegen' }, testOrigin);
	await edit(id, { milestones: milestones(false) });
	await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, testOrigin);
	const { frozenVersion } = await import('../../../src/lib/server/modules/decisions');
	const frozen = (await frozenVersion(t.db, id))!;
	for (const who of [leiden, oegstgeest]) {
		const m = who === leiden ? 'leiden' : 'oegstgeest';
		await recordSignOff(t.db, who.actor, sessionConfirmed(), signInput(id, m, frozen), testOrigin);
	}
	expect((await getItem(t.db, verkenner.actor, id)).item.status).toBe('vastgesteld');
	return { id, frozen };
}

async function edit(id: string, patch: Record<string, unknown>) {
	const { item } = await getItem(t.db, verkenner.actor, id);
	return updateItemFields(t.db, verkenner.actor, { itemId: id, revision: item.revision, ...patch }, testOrigin);
}

const valid = async (id: string) => (await t.db.select().from(signOffs).where(eq(signOffs.itemId, id))).filter((s) => !s.voidedAt);

describe('implementation is not an edit of the signed content', () => {
	it('marking a milestone done in vastgesteld keeps the sign-offs valid and the item vastgesteld', async () => {
		const { id, frozen } = await adoptedItem();
		const res = await edit(id, { milestones: milestones(true) });
		expect(res.changed).toEqual(['milestones']);
		expect((await getItem(t.db, verkenner.actor, id)).item.status).toBe('vastgesteld');
		expect(await valid(id)).toHaveLength(2);
		const d = await getItemDecisions(t.db, verkenner.actor, id);
		expect(d.signOffs.every((s) => !s.voided && s.verified && s.matchesCurrent)).toBe(true);
		expect(d.adopted).toEqual({ versionNumber: frozen.number, contentHash: frozen.contentHash, currentDiffers: false });
	});

	it('progress, in uitvoering, milestones done and afgerond: the signatures stay valid and still cover the text', async () => {
		const { id } = await adoptedItem();
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'vastgesteld', to: 'in_uitvoering' }, testOrigin);
		await reportProgress(t.db, verkenner.actor, { itemId: id, percent: 60, note: 'Halverwege' }, testOrigin);
		await edit(id, { milestones: milestones(true) });
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'in_uitvoering', to: 'afgerond' }, testOrigin);
		expect(await valid(id)).toHaveLength(2);
		const d = await getItemDecisions(t.db, verkenner.actor, id);
		expect(d.status).toBe('afgerond');
		expect(d.adopted?.currentDiffers).toBe(false);
	});

	it('a real content edit of an adopted item is refused and stores nothing', async () => {
		const { id } = await adoptedItem();
		await edit(id, { milestones: milestones(true) });
		const before = (await getItem(t.db, verkenner.actor, id)).item;
		// Moving a milestone's date changes the signed plan.
		await expect(edit(id, { milestones: [{ title: 'Startbijeenkomst', dueDate: '2026-03-01', done: true }, milestones(false)[1]] })).rejects.toMatchObject({
			key: 'agenda_item_frozen',
			status: 409
		});
		const after = (await getItem(t.db, verkenner.actor, id)).item;
		expect(after.status).toBe('vastgesteld');
		expect(after.revision).toBe(before.revision);
		expect(after.milestones[0].dueDate).toBe('2026-02-01');
		expect(await valid(id)).toHaveLength(2);
	});

	it('restoring an old version over an adopted item is refused, even when only done flags differ', async () => {
		const { id, frozen } = await adoptedItem();
		await edit(id, { milestones: milestones(true) });
		const err = await restoreVersion(t.db, verkenner.actor, { itemId: id, number: frozen.number }, testOrigin).catch((e) => e);
		expect(err).toBeInstanceOf(DomainError);
		expect(err.key).toBe('agenda_item_frozen');
		expect((await getItem(t.db, verkenner.actor, id)).item.milestones[0].done).toBe(true);
		expect(await valid(id)).toHaveLength(2);
	});
});

describe('after vastgesteld the signed text stays the text', () => {
	it('editing the summary in in uitvoering is refused; the signatures keep covering the text', async () => {
		const { id, frozen } = await adoptedItem();
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'vastgesteld', to: 'in_uitvoering' }, testOrigin);
		await expect(edit(id, { summary: 'Een andere samenvatting dan getekend' })).rejects.toMatchObject({ key: 'agenda_item_frozen' });
		expect((await getItem(t.db, verkenner.actor, id)).item.summary).not.toBe('Een andere samenvatting dan getekend');
		const d = await getItemDecisions(t.db, leiden.actor, id);
		expect(d.adopted).toEqual({ versionNumber: frozen.number, contentHash: frozen.contentHash, currentDiffers: false });
		expect(d.signOffs.every((s) => s.verified && s.matchesCurrent && !s.voided)).toBe(true);
	});

	it('a co-edited description snapshot in afgerond is refused too', async () => {
		const { writeSnapshot } = await import('../../../src/lib/server/modules/collaboration/commands');
		const { id } = await adoptedItem();
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'vastgesteld', to: 'in_uitvoering' }, testOrigin);
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'in_uitvoering', to: 'afgerond' }, testOrigin);
		const snapshot = { html: '<p>Achteraf herschreven</p>', text: 'Achteraf herschreven' };
		await expect(writeSnapshot(t.db, id, 'description', snapshot, [{ userId: verkenner.id, name: verkenner.name }])).rejects.toMatchObject({
			key: 'agenda_item_frozen'
		});
		expect((await getItem(t.db, verkenner.actor, id)).item.descriptionText).not.toBe('Achteraf herschreven');
		expect(await valid(id)).toHaveLength(2);
		expect((await getItemDecisions(t.db, verkenner.actor, id)).adopted?.currentDiffers).toBe(false);
	});
});
