import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { agendaItemVersions, agendaItems } from '../../../src/lib/server/db/schema';
import {
	AgendaConflictError,
	captureAutoVersionIfIdle,
	captureVersion,
	compareVersions,
	getItem,
	getVersion,
	restoreVersion,
	setRichTextReplacer,
	transitionItem,
	updateItemFields
} from '../../../src/lib/server/modules/agenda-items';
import { contentOf, freeze, sha256Hex } from '../../../src/lib/server/modules/agenda-items';
import { loadItemState } from '../../../src/lib/server/modules/agenda-items';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { DomainError } from '../../../src/lib/server/errors';
import { auditOf, newItem, recordPublished, rejection } from './helpers';

let t: TestDb;
let verkenner: NewUser;
let klankbord: NewUser;
let college: NewUser;
let rec: ReturnType<typeof recordPublished>;

beforeAll(async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]], { name: 'Vera Verkenner' });
	klankbord = await newUser(t.db, [['klankbordgroeplid', 'oegstgeest']], { name: 'Karel Klankbord' });
	college = await newUser(t.db, [['collegelid', 'leiden']]);
});
afterAll(() => destroy(t));
beforeEach(() => (rec = recordPublished()));
afterEach(() => rec.stop());

const versionsOf = (itemId: string) => t.db.select().from(agendaItemVersions).where(eq(agendaItemVersions.itemId, itemId)).orderBy(agendaItemVersions.number);

/** What the co-editing module does when a text changes. */
const writeText = (itemId: string, text: string) =>
	t.db
		.update(agendaItems)
		.set({ descriptionHtml: `<p>${text}</p>`, descriptionText: text })
		.where(eq(agendaItems.id, itemId));

describe('status transitions', () => {
	it('follows the life of an item, freezing a version with its hash at every change', async () => {
		const id = await newItem(t.db, verkenner.actor);
		await transitionItem(t.db, klankbord.actor, { itemId: id, from: 'concept', to: 'in_bespreking' }, testOrigin);
		const res = await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, testOrigin);
		expect(res).toEqual({ status: 'gereed_voor_besluitvorming', version: 2 });
		const versions = await versionsOf(id);
		expect(versions.map((v) => [v.number, v.reason, JSON.parse(v.content).status])).toEqual([
			[1, 'status', 'in_bespreking'],
			[2, 'status', 'gereed_voor_besluitvorming']
		]);
		for (const v of versions) expect(v.contentHash).toBe(sha256Hex(v.content));
		// the frozen content is exactly the item as it is now
		expect(versions[1].contentHash).toBe(freeze(contentOf(await loadItemState(t.db, id))).hash);
		expect(versions[0].contributors.map((c) => c.userId).sort()).toEqual([verkenner.id, klankbord.id].sort());
		expect(versions[1].contributors.map((c) => c.userId)).toEqual([verkenner.id]);
		const audit = await auditOf(t.db, id);
		expect(audit.filter((a) => a.action === 'item.status_changed').map((a) => a.details)).toMatchObject([
			{ from: 'concept', to: 'in_bespreking', version: 1 },
			{ from: 'in_bespreking', to: 'gereed_voor_besluitvorming', version: 2 }
		]);
		expect(rec.events.filter((e) => e.event === 'item:changed').map((e) => e.payload.kind)).toEqual(['created', 'status', 'status']);
	});

	it('refuses a transition the role may not make, or one that does not exist, storing nothing', async () => {
		const id = await newItem(t.db, verkenner.actor);
		const byCollege = await rejection(transitionItem(t.db, college.actor, { itemId: id, from: 'concept', to: 'in_bespreking' }, testOrigin));
		expect(byCollege).toBeInstanceOf(ForbiddenError);
		await transitionItem(t.db, klankbord.actor, { itemId: id, from: 'concept', to: 'in_bespreking' }, testOrigin);
		const tooFar = await rejection(transitionItem(t.db, klankbord.actor, { itemId: id, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, testOrigin));
		expect(tooFar).toBeInstanceOf(DomainError);
		expect([tooFar.key, tooFar.status]).toEqual(['agenda_transition_denied_gereed_voor_besluitvorming', 403]);
		const byHand = await rejection(transitionItem(t.db, verkenner.actor, { itemId: id, from: 'in_bespreking', to: 'vastgesteld' }, testOrigin));
		expect([byHand.key, byHand.status]).toEqual(['agenda_transition_denied_vastgesteld', 400]);
		const [row] = await t.db.select().from(agendaItems).where(eq(agendaItems.id, id));
		expect(row.status).toBe('in_bespreking');
		expect(await versionsOf(id)).toHaveLength(1);
	});

	it('refuses a transition from a status the item no longer has (someone was first)', async () => {
		const id = await newItem(t.db, verkenner.actor);
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'concept', to: 'in_bespreking' }, testOrigin);
		const late = await rejection(transitionItem(t.db, klankbord.actor, { itemId: id, from: 'concept', to: 'in_bespreking' }, testOrigin));
		expect(late).toBeInstanceOf(AgendaConflictError);
		expect(late.current.status).toBe('in_bespreking');
		expect(await versionsOf(id)).toHaveLength(1);
	});
});

describe('versions', () => {
	it('captures on demand, but not twice for the same content', async () => {
		const id = await newItem(t.db, verkenner.actor);
		const first = await captureVersion(t.db, klankbord.actor, { itemId: id }, testOrigin);
		expect(first).toMatchObject({ created: true, version: { number: 1, reason: 'manual' } });
		const again = await captureVersion(t.db, klankbord.actor, { itemId: id }, testOrigin);
		expect(again).toMatchObject({ created: false, version: { number: 1 } });
		expect((await auditOf(t.db, id)).filter((a) => a.action === 'item.version_captured')).toHaveLength(1);
		expect(await rejection(captureVersion(t.db, college.actor, { itemId: id }, testOrigin))).toBeInstanceOf(ForbiddenError);
	});

	it('captures automatically after a pause only when something changed', async () => {
		const id = await newItem(t.db, verkenner.actor);
		await writeText(id, 'Eerste tekst');
		const v1 = await captureAutoVersionIfIdle(t.db, id);
		expect(v1).toMatchObject({ number: 1, reason: 'auto' });
		expect(await captureAutoVersionIfIdle(t.db, id)).toBeNull();
		await writeText(id, 'Tweede tekst');
		expect(await captureAutoVersionIfIdle(t.db, id, { minIntervalMs: 60_000 })).toBeNull();
		expect(await captureAutoVersionIfIdle(t.db, id, { minIntervalMs: 60_000, now: new Date(Date.now() + 61_000) })).toMatchObject({ number: 2 });
		const [row] = (await versionsOf(id)).slice(-1);
		expect(row.createdBy).toBeNull();
		expect(JSON.parse(row.content).description).toEqual({ html: '<p>Tweede tekst</p>', text: 'Tweede tekst' });
		const audit = (await auditOf(t.db, id)).filter((a) => a.action === 'item.version_captured');
		expect(audit.map((a) => [a.actorUserId, a.actorLabel, (a.details as { reason: string }).reason])).toEqual([
			[null, 'systeem', 'auto'],
			[null, 'systeem', 'auto']
		]);
	});

	it('shows a readable diff between any two versions, texts and fields', async () => {
		const id = await newItem(t.db, verkenner.actor);
		await writeText(id, 'Leiden heeft 10.000 woningen nodig');
		await captureVersion(t.db, verkenner.actor, { itemId: id }, testOrigin);
		await writeText(id, 'Leiden heeft 10.000 extra woningen nodig');
		await updateItemFields(t.db, verkenner.actor, { itemId: id, revision: 1, title: 'Woningbouw', tags: ['wonen'] }, testOrigin);
		await captureVersion(t.db, verkenner.actor, { itemId: id }, testOrigin);
		const { diff, from, to } = await compareVersions(t.db, verkenner.actor, id, 1, 2);
		expect([from.number, to.number, from.verified, to.verified]).toEqual([1, 2, true, true]);
		expect(diff.scalars).toEqual([{ field: 'title', before: 'Regionale woningbouwversnelling', after: 'Woningbouw' }]);
		expect(diff.lists).toEqual([{ field: 'tags', added: ['wonen'], removed: [] }]);
		expect(diff.texts[0].field).toBe('description');
		expect(diff.texts[0].parts.filter((p) => p.kind === 'added').map((p) => p.value.trim())).toEqual(['extra']);
	});

	it('restores an old version as a new one, texts included, keeping the status and the history', async () => {
		const id = await newItem(t.db, verkenner.actor);
		await writeText(id, 'Oude tekst');
		await updateItemFields(
			t.db,
			verkenner.actor,
			{ itemId: id, revision: 1, milestones: [{ title: 'Start', dueDate: '2026-03-01', done: false }] },
			testOrigin
		);
		await captureVersion(t.db, verkenner.actor, { itemId: id }, testOrigin);
		await writeText(id, 'Nieuwe tekst');
		await updateItemFields(t.db, klankbord.actor, { itemId: id, revision: 2, title: 'Nieuwe titel', milestones: [] }, testOrigin);
		await transitionItem(t.db, klankbord.actor, { itemId: id, from: 'concept', to: 'in_bespreking' }, testOrigin);

		const replaced: unknown[] = [];
		setRichTextReplacer(async (_tx, itemId, texts) => void replaced.push({ itemId, texts }));
		try {
			const stale = await rejection(restoreVersion(t.db, verkenner.actor, { itemId: id, number: 1, revision: 2 }, testOrigin));
			expect(stale).toBeInstanceOf(AgendaConflictError);
			const res = await restoreVersion(t.db, verkenner.actor, { itemId: id, number: 1, revision: 4 }, testOrigin);
			expect(res).toEqual({ version: 3, revision: 5 });
		} finally {
			setRichTextReplacer(undefined);
		}
		expect(replaced).toEqual([{ itemId: id, texts: { description: { html: '<p>Oude tekst</p>', text: 'Oude tekst' }, meerwaarde: { html: '', text: '' } } }]);
		const { item, versions } = await getItem(t.db, verkenner.actor, id);
		expect(item).toMatchObject({ title: 'Regionale woningbouwversnelling', descriptionText: 'Oude tekst', status: 'in_bespreking' });
		expect(item.milestones).toEqual([{ title: 'Start', dueDate: '2026-03-01', done: false }]);
		expect(versions.map((v) => [v.number, v.reason, v.restoredFrom])).toEqual([
			[3, 'restore', 1],
			[2, 'status', null],
			[1, 'manual', null]
		]);
		const v3 = await getVersion(t.db, verkenner.actor, id, 3);
		expect(v3.content.status).toBe('in_bespreking');
		expect((await auditOf(t.db, id)).at(-1)).toMatchObject({ action: 'item.version_restored', details: { restoredFrom: 1, version: 3 } });
		expect(await rejection(restoreVersion(t.db, college.actor, { itemId: id, number: 1 }, testOrigin))).toBeInstanceOf(ForbiddenError);
		const missing = await rejection(restoreVersion(t.db, verkenner.actor, { itemId: id, number: 99 }, testOrigin));
		expect([missing.key, missing.status]).toEqual(['agenda_version_not_found', 404]);
	});

	it('notices a tampered snapshot', async () => {
		const id = await newItem(t.db, verkenner.actor);
		await captureVersion(t.db, verkenner.actor, { itemId: id }, testOrigin);
		await t.db
			.update(agendaItemVersions)
			.set({ content: (await versionsOf(id))[0].content.replace('Regionale', 'Gemeentelijke') })
			.where(eq(agendaItemVersions.itemId, id));
		expect((await getVersion(t.db, verkenner.actor, id, 1)).verified).toBe(false);
	});
});
