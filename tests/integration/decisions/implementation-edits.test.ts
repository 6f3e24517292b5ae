/**
 * Implementation is not a change of the signed content. Marking a milestone done (or reporting
 * progress, or moving to in uitvoering / afgerond) keeps the college signatures valid; a real content edit
 * in vastgesteld voids them; after vastgesteld an edit voids nothing but the item shows, on read, that its
 * text no longer matches the signed version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { signOffs } from '../../../src/lib/server/db/schema';
import { getItem, restoreVersion, transitionItem, updateItemFields } from '../../../src/lib/server/modules/agenda-items';
import { recordSignOff, reportProgress, compareWithCurrent, getItemDecisions, municipalityOverview } from '../../../src/lib/server/modules/decisions';
import { load as loadVersionsPage } from '../../../src/routes/(app)/agenda/[id]/versies/+page.server';
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
	await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'gereed_voor_besluitvorming', to: 'in_bespreking' }, testOrigin);
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

	it('a real content edit in vastgesteld still voids and returns to in bespreking', async () => {
		const { id } = await adoptedItem();
		await edit(id, { milestones: milestones(true) });
		// Moving a milestone's date changes the signed plan.
		await edit(id, { milestones: [{ title: 'Startbijeenkomst', dueDate: '2026-03-01', done: true }, milestones(false)[1]] });
		expect((await getItem(t.db, verkenner.actor, id)).item.status).toBe('in_bespreking');
		expect(await valid(id)).toHaveLength(0);
		expect((await t.db.select().from(signOffs).where(eq(signOffs.itemId, id)))[0].voidReason).toBe('edited');
	});

	it('restoring a version with the same signed content (only done flags differ) voids nothing', async () => {
		const { id, frozen } = await adoptedItem();
		await edit(id, { milestones: milestones(true) });
		await restoreVersion(t.db, verkenner.actor, { itemId: id, number: frozen.number }, testOrigin);
		expect((await getItem(t.db, verkenner.actor, id)).item.status).toBe('vastgesteld');
		expect(await valid(id)).toHaveLength(2);
	});
});

describe('after vastgesteld, a changed text is visible as no longer signed', () => {
	it('editing the summary in in uitvoering voids nothing but flags the difference on read, with a diff against now', async () => {
		const { id, frozen } = await adoptedItem();
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'vastgesteld', to: 'in_uitvoering' }, testOrigin);
		expect((await getItemDecisions(t.db, verkenner.actor, id)).adopted?.currentDiffers).toBe(false);

		await edit(id, { summary: 'Een andere samenvatting dan getekend' });
		expect((await getItem(t.db, verkenner.actor, id)).item.status).toBe('in_uitvoering');
		expect(await valid(id)).toHaveLength(2);
		const d = await getItemDecisions(t.db, leiden.actor, id);
		expect(d.adopted).toEqual({ versionNumber: frozen.number, contentHash: frozen.contentHash, currentDiffers: true });
		expect(d.signOffs.map((s) => [s.verified, s.matchesCurrent, !!s.voided])).toEqual([
			[true, false, false],
			[true, false, false]
		]);

		const cmp = await compareWithCurrent(t.db, leiden.actor, id, frozen.number);
		expect(cmp.sameSignedContent).toBe(false);
		expect(cmp.diff.texts.map((x) => x.field)).toEqual(['summary']);

		// The versions page compares the signed version with now (`met=huidig`), the link of the item page's notice.
		const page = (await loadVersionsPage({
			locals: { db: t.db, actor: leiden.actor },
			params: { id },
			url: new URL(`http://localhost/agenda/${id}/versies?van=${frozen.number}&met=huidig`)
		} as never)) as any;
		expect(page.current).toMatchObject({ same: false, signedHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
		expect(page.from.number).toBe(frozen.number);
		expect(page.to.content.summary).toBe('Een andere samenvatting dan getekend');
		expect(page.diff.texts.map((x: { field: string }) => x.field)).toEqual(['summary']);

		const ov = await municipalityOverview(t.db, leiden.actor, 'leiden');
		expect(ov?.signed.find((s) => s.itemId === id)?.currentDiffers).toBe(true);

		// Back to the signed text: covered again.
		await edit(id, { summary: '' });
		expect((await getItemDecisions(t.db, leiden.actor, id)).adopted?.currentDiffers).toBe(false);
		expect((await municipalityOverview(t.db, leiden.actor, 'leiden'))?.signed.find((s) => s.itemId === id)?.currentDiffers).toBe(false);
	});

	it('a co-edited description in afgerond is flagged too', async () => {
		const { writeSnapshot } = await import('../../../src/lib/server/modules/collaboration/commands');
		const { id } = await adoptedItem();
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'vastgesteld', to: 'in_uitvoering' }, testOrigin);
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'in_uitvoering', to: 'afgerond' }, testOrigin);
		await writeSnapshot(t.db, id, 'description', { html: '<p>Achteraf herschreven</p>', text: 'Achteraf herschreven' }, [
			{ userId: verkenner.id, name: verkenner.name }
		]);
		expect((await getItem(t.db, verkenner.actor, id)).item.status).toBe('afgerond');
		expect(await valid(id)).toHaveLength(2);
		expect((await getItemDecisions(t.db, verkenner.actor, id)).adopted?.currentDiffers).toBe(true);
	});
});
