import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { agendaItemParticipants, agendaItems, auditEvents, interviewCandidates, interviews as interviewsTable } from '../../../src/lib/server/db/schema';
import * as interviews from '../../../src/lib/server/modules/interviews';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { DomainError, ValidationError } from '../../../src/lib/server/errors';
import { newItem, recordPublished, rejection } from '../agenda/helpers';
import { auditOfInterview, doc, newCandidate, newInterview } from './helpers';

let t: TestDb;
let verkenner: NewUser, klankbord: NewUser, admin: NewUser;

beforeAll(async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]]);
	klankbord = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
	admin = await newUser(t.db, [['administrator', null]]);
});
afterAll(() => destroy(t));

const rowOf = async (id: string) => (await t.db.select().from(interviewsTable).where(eq(interviewsTable.id, id)))[0];
const candidateRow = async (id: string) => (await t.db.select().from(interviewCandidates).where(eq(interviewCandidates.id, id)))[0];
const countItems = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(agendaItems))[0].n;

describe('interviews: create and update', () => {
	it('records an interview, audited, and announces it to the overview room of its visibility', async () => {
		const pub = recordPublished();
		try {
			const shared = await newInterview(t.db, verkenner.actor, { participants: 'Burgemeester\nWethouder' });
			const secret = await newInterview(t.db, verkenner.actor, { visibility: 'vertrouwelijk' });
			const row = await rowOf(shared);
			expect(row).toMatchObject({
				municipalityId: 'leiden',
				body: 'directieteam',
				heldOn: '2026-01-20',
				participants: ['Burgemeester', 'Wethouder'],
				visibility: 'klankbordgroep',
				createdBy: verkenner.id
			});
			expect((await auditOfInterview(t.db, shared)).map((a) => [a.action, a.actorUserId])).toEqual([['interview.created', verkenner.id]]);
			const overview = pub.events.filter((e) => e.event === 'interviews:changed');
			expect(overview.map((e) => [e.room, e.payload.interviewId, e.payload.kind])).toEqual([
				['interviews', shared, 'created'],
				['interviews:vertrouwelijk', secret, 'created']
			]);
		} finally {
			pub.stop();
		}
	});

	it('refuses an unknown body and "overig" without its name, with Dutch field messages, storing nothing', async () => {
		const before = (await t.db.select().from(interviewsTable)).length;
		const unknown = await rejection(newInterview(t.db, verkenner.actor, { body: 'stuurgroep' }));
		expect(unknown).toBeInstanceOf(ValidationError);
		expect(unknown.fields).toEqual({ body: 'validation_interview_body' });
		const other = await rejection(newInterview(t.db, verkenner.actor, { body: 'overig', bodyOther: '' }));
		expect(other.fields).toEqual({ bodyOther: 'validation_interview_body_other_required' });
		expect((await t.db.select().from(interviewsTable)).length).toBe(before);
		const named = await newInterview(t.db, verkenner.actor, { body: 'overig', bodyOther: 'Overleg Economie071' });
		expect((await rowOf(named)).bodyOther).toBe('Overleg Economie071');
	});

	it('a klankbordgroeplid or an administrator may read but not hold interviews', async () => {
		for (const who of [klankbord, admin]) {
			expect(await rejection(newInterview(t.db, who.actor))).toBeInstanceOf(ForbiddenError);
		}
		const id = await newInterview(t.db, verkenner.actor);
		const upd = await rejection(
			interviews.updateInterview(t.db, klankbord.actor, { interviewId: id, municipalityId: 'leiden', body: 'college', heldOn: '2026-01-20' }, testOrigin)
		);
		expect(upd).toBeInstanceOf(ForbiddenError);
		expect((await rowOf(id)).body).toBe('directieteam');
	});

	it('updates the facts, audits what changed from what, and does nothing when nothing changed', async () => {
		const id = await newInterview(t.db, verkenner.actor);
		const input = { interviewId: id, municipalityId: 'leiden', body: 'college', heldOn: '2026-01-21', participants: 'Burgemeester' };
		expect(await interviews.updateInterview(t.db, verkenner.actor, input, testOrigin)).toEqual({ changed: ['body', 'heldOn', 'participants'] });
		expect(await interviews.updateInterview(t.db, verkenner.actor, input, testOrigin)).toEqual({ changed: [] });
		const audit = await auditOfInterview(t.db, id);
		expect(audit.map((a) => a.action)).toEqual(['interview.created', 'interview.updated']);
		expect(audit[1].details).toMatchObject({ from: { body: 'directieteam', heldOn: '2026-01-20' }, to: { body: 'college', heldOn: '2026-01-21' } });
	});
});

describe('interviews: notes', () => {
	it('saves sanitised HTML and plain text with a new revision; audited', async () => {
		const id = await newInterview(t.db, verkenner.actor);
		const res = await interviews.saveNotes(t.db, verkenner.actor, { interviewId: id, baseRevision: 0, doc: doc('Eerste <b>punt</b>', 'Tweede') }, testOrigin);
		expect(res).toMatchObject({ notesRevision: 1, changed: true, notesSavedAt: expect.any(String) });
		const row = await rowOf(id);
		expect(row.notesHtml).toBe('<p>Eerste &lt;b&gt;punt&lt;/b&gt;</p><p>Tweede</p>');
		expect(row.notesText).toBe('Eerste <b>punt</b>\n\nTweede');
		expect(row.notesRevision).toBe(1);
		const audit = await auditOfInterview(t.db, id);
		expect(audit.at(-1)).toMatchObject({ action: 'interview.notes_saved', details: { revision: 1 } });
	});

	it('refuses a save based on an old revision with a Dutch conflict message and the current text; nothing stored', async () => {
		const id = await newInterview(t.db, verkenner.actor);
		await interviews.saveNotes(t.db, verkenner.actor, { interviewId: id, baseRevision: 0, doc: doc('Versie van de laptop') }, testOrigin);
		await interviews.saveNotes(t.db, verkenner.actor, { interviewId: id, baseRevision: 1, doc: doc('Versie van de laptop, aangevuld') }, testOrigin);
		const err = await rejection(
			interviews.saveNotes(t.db, verkenner.actor, { interviewId: id, baseRevision: 1, doc: doc('Versie van de tablet') }, testOrigin)
		);
		expect(err).toBeInstanceOf(interviews.NotesConflictError);
		expect(err.status).toBe(409);
		expect(err.key).toBe('interviews_notes_conflict');
		expect(err.current).toMatchObject({ html: '<p>Versie van de laptop, aangevuld</p>', text: 'Versie van de laptop, aangevuld', revision: 2 });
		const { t: translate } = await import('../../../src/lib/server/i18n');
		expect(translate(err.key)).toMatch(/intussen elders opgeslagen/);
		expect((await rowOf(id)).notesText).toBe('Versie van de laptop, aangevuld');
		// after choosing "keep mine" the editor saves on the newest revision
		const ok = await interviews.saveNotes(t.db, verkenner.actor, { interviewId: id, baseRevision: 2, doc: doc('Versie van de tablet') }, testOrigin);
		expect(ok.notesRevision).toBe(3);
	});

	it('a resend of the stored text (its answer was lost) succeeds whatever its base, without a new revision', async () => {
		const id = await newInterview(t.db, verkenner.actor);
		await interviews.saveNotes(t.db, verkenner.actor, { interviewId: id, baseRevision: 0, doc: doc('Offline getypt') }, testOrigin);
		const again = await interviews.saveNotes(t.db, verkenner.actor, { interviewId: id, baseRevision: 0, doc: doc('Offline getypt') }, testOrigin);
		expect(again).toMatchObject({ notesRevision: 1, changed: false });
		expect((await auditOfInterview(t.db, id)).filter((a) => a.action === 'interview.notes_saved')).toHaveLength(1);
	});

	it('refuses notes from a klankbordgroeplid, malformed documents and unknown interviews', async () => {
		const id = await newInterview(t.db, verkenner.actor);
		expect(await rejection(interviews.saveNotes(t.db, klankbord.actor, { interviewId: id, baseRevision: 0, doc: doc('x') }, testOrigin))).toBeInstanceOf(
			ForbiddenError
		);
		const bad = await rejection(interviews.saveNotes(t.db, verkenner.actor, { interviewId: id, baseRevision: 0, doc: '<p>html</p>' }, testOrigin));
		expect(bad).toBeInstanceOf(ValidationError);
		const missing = await rejection(interviews.saveNotes(t.db, verkenner.actor, { interviewId: randomUUID(), baseRevision: 0, doc: doc('x') }, testOrigin));
		expect([missing.key, missing.status]).toEqual(['interviews_not_found', 404]);
		expect((await rowOf(id)).notesRevision).toBe(0);
	});
});

describe('interviews: candidates', () => {
	it('captures a candidate once, however often it is sent; audited and announced', async () => {
		const id = await newInterview(t.db, verkenner.actor);
		const pub = recordPublished();
		try {
			const candidateId = randomUUID();
			const input = {
				id: candidateId,
				interviewId: id,
				title: 'Campusontwikkeling Kennisstad',
				ambitionId: '2',
				horizon: 'na_verkiezingen',
				interested: ['oegstgeest', 'leiden']
			};
			expect(await interviews.captureCandidate(t.db, verkenner.actor, input, testOrigin)).toEqual({ id: candidateId, created: true });
			expect(await interviews.captureCandidate(t.db, verkenner.actor, input, testOrigin)).toEqual({ id: candidateId, created: false });
			expect(await candidateRow(candidateId)).toMatchObject({
				interviewId: id,
				ambitionId: 2,
				horizon: 'na_verkiezingen',
				interested: ['leiden', 'oegstgeest'],
				itemId: null,
				link: null
			});
			expect((await auditOfInterview(t.db, id)).filter((a) => a.action === 'interview.candidate_captured')).toHaveLength(1);
			expect(pub.events.filter((e) => e.event === 'interview:changed').map((e) => [e.room, e.payload.kind, e.payload.change])).toEqual([
				[`interview:${id}`, 'candidate', 'captured']
			]);
		} finally {
			pub.stop();
		}
	});

	it('a candidate without an ambition, with an unknown one, or an id used in another interview is refused', async () => {
		const id = await newInterview(t.db, verkenner.actor);
		const none = await rejection(newCandidate(t.db, verkenner.actor, id, { ambitionId: '' }));
		expect(none.fields).toEqual({ ambitionId: 'validation_candidate_ambition_required' });
		const unknown = await rejection(newCandidate(t.db, verkenner.actor, id, { ambitionId: 99 }));
		expect(unknown.fields).toEqual({ ambitionId: 'validation_candidate_ambition_unknown' });
		const taken = await newCandidate(t.db, verkenner.actor, id);
		const other = await newInterview(t.db, verkenner.actor);
		const clash = await rejection(
			interviews.captureCandidate(t.db, verkenner.actor, { id: taken, interviewId: other, title: 'x', ambitionId: 1, horizon: 'voor_verkiezingen' }, testOrigin)
		);
		expect(clash.key).toBe('interviews_candidate_id_taken');
		expect(await rejection(newCandidate(t.db, klankbord.actor, id))).toBeInstanceOf(ForbiddenError);
		expect((await t.db.select().from(interviewCandidates).where(eq(interviewCandidates.interviewId, id))).length).toBe(1);
	});

	it('edits and deletes a candidate not on the agenda; audited', async () => {
		const id = await newInterview(t.db, verkenner.actor);
		const c = await newCandidate(t.db, verkenner.actor, id);
		const res = await interviews.updateCandidate(
			t.db,
			verkenner.actor,
			{ candidateId: c, title: 'Woningbouw tot 2029', ambitionId: 1, horizon: 'na_verkiezingen', interested: 'leiden' },
			testOrigin
		);
		expect(res.changed).toEqual(['title', 'horizon', 'meerwaarde', 'interested']);
		expect(await candidateRow(c)).toMatchObject({ title: 'Woningbouw tot 2029', horizon: 'na_verkiezingen', meerwaarde: '', interested: ['leiden'] });
		await interviews.deleteCandidate(t.db, verkenner.actor, { candidateId: c }, testOrigin);
		expect(await candidateRow(c)).toBeUndefined();
		expect((await auditOfInterview(t.db, id)).map((a) => a.action)).toEqual([
			'interview.created',
			'interview.candidate_captured',
			'interview.candidate_updated',
			'interview.candidate_deleted'
		]);
	});
});

describe('interviews: a candidate reaches the agenda', () => {
	it('becomes a concept item with its title, ambition, horizon, meerwaarde and interested municipalities, linked both ways', async () => {
		const id = await newInterview(t.db, verkenner.actor);
		const c = await newCandidate(t.db, verkenner.actor, id, {
			title: 'LAB071 voor het mkb',
			ambitionId: 2,
			horizon: 'na_verkiezingen',
			meerwaarde: 'Eén loket.\n\nVoor de hele regio.',
			interested: ['zoeterwoude', 'leiderdorp']
		});
		const pub = recordPublished();
		let itemId: string;
		try {
			({ itemId } = await interviews.promoteCandidate(t.db, verkenner.actor, { candidateId: c }, testOrigin));
			expect(pub.events.map((e) => e.event)).toEqual(expect.arrayContaining(['item:changed', 'agenda:item', 'interview:changed']));
		} finally {
			pub.stop();
		}
		const [item] = await t.db.select().from(agendaItems).where(eq(agendaItems.id, itemId));
		expect(item).toMatchObject({ title: 'LAB071 voor het mkb', ambitionId: 2, horizon: 'na_verkiezingen', status: 'concept', createdBy: verkenner.id });
		expect(item.meerwaardeHtml).toBe('<p>Eén loket.</p><p>Voor de hele regio.</p>');
		const parts = await t.db.select().from(agendaItemParticipants).where(eq(agendaItemParticipants.itemId, itemId));
		expect(parts.map((p) => p.municipalityId).sort()).toEqual(['leiderdorp', 'zoeterwoude']);
		expect(await candidateRow(c)).toMatchObject({ itemId, link: 'created', linkedBy: verkenner.id, linkedAt: expect.any(Date) });
		const detail = await interviews.getInterview(t.db, verkenner.actor, id);
		expect(detail.candidates[0].item).toEqual({ id: itemId, title: 'LAB071 voor het mkb', status: 'concept', link: 'created' });
		// audited on both sides
		expect((await auditOfInterview(t.db, id)).at(-1)).toMatchObject({ action: 'interview.candidate_promoted', details: { candidateId: c, itemId } });
		const created = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, itemId));
		expect(created.map((a) => a.action)).toEqual(['item.created']);
	});

	it('creates the item and the link in one transaction: when the link cannot be written, no item remains', async () => {
		const id = await newInterview(t.db, verkenner.actor);
		const c = await newCandidate(t.db, verkenner.actor, id);
		const before = await countItems();
		// The link write fails (a trigger in this test database only): the item made just before must roll back with it.
		await t.db.execute(sql`create function refuse_link() returns trigger language plpgsql as $$ begin raise exception 'link refused'; end $$`);
		await t.db.execute(sql`create trigger refuse_link before update on interview_candidates for each row execute function refuse_link()`);
		try {
			await rejection(interviews.promoteCandidate(t.db, verkenner.actor, { candidateId: c }, testOrigin));
		} finally {
			await t.db.execute(sql`drop trigger refuse_link on interview_candidates`);
			await t.db.execute(sql`drop function refuse_link()`);
		}
		expect(await countItems()).toBe(before);
		expect(await candidateRow(c)).toMatchObject({ itemId: null, link: null });
		expect(
			(await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'interview.candidate_promoted'))).filter((a) => (a.details as any).candidateId === c)
		).toHaveLength(0);
	});

	it('two promotions of the same candidate at once make one item; the other is refused', async () => {
		const id = await newInterview(t.db, verkenner.actor);
		const c = await newCandidate(t.db, verkenner.actor, id);
		const before = await countItems();
		const results = await Promise.allSettled([
			interviews.promoteCandidate(t.db, verkenner.actor, { candidateId: c }, testOrigin),
			interviews.promoteCandidate(t.db, verkenner.actor, { candidateId: c }, testOrigin)
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(refused.reason.key).toBe('interviews_candidate_linked');
		expect(await countItems()).toBe(before + 1);
	});

	it('adds a candidate to an existing item (link "added"); a linked candidate cannot be linked, edited or deleted again', async () => {
		const id = await newInterview(t.db, verkenner.actor);
		const c = await newCandidate(t.db, verkenner.actor, id);
		const itemId = await newItem(t.db, verkenner.actor);
		const unknownItem = await rejection(interviews.attachCandidate(t.db, verkenner.actor, { candidateId: c, itemId: randomUUID() }, testOrigin));
		expect(unknownItem.fields).toEqual({ itemId: 'validation_candidate_item_unknown' });
		const pub = recordPublished();
		try {
			await interviews.attachCandidate(t.db, verkenner.actor, { candidateId: c, itemId }, testOrigin);
			// Open pages of the item hear that its timeline changed, without a word about the interview.
			const told = pub.events.find((e) => e.room === `item:${itemId}` && e.event === 'decisions:changed');
			expect(told?.payload).toMatchObject({ itemId, kind: 'origin', municipalityId: null });
			expect(JSON.stringify(told?.payload)).not.toContain(id);
		} finally {
			pub.stop();
		}
		expect(await candidateRow(c)).toMatchObject({ itemId, link: 'added' });
		expect((await auditOfInterview(t.db, id)).at(-1)).toMatchObject({ action: 'interview.candidate_attached', details: { candidateId: c, itemId } });

		const before = await countItems();
		for (const attempt of [
			() => interviews.promoteCandidate(t.db, verkenner.actor, { candidateId: c }, testOrigin),
			() => interviews.attachCandidate(t.db, verkenner.actor, { candidateId: c, itemId }, testOrigin),
			() => interviews.updateCandidate(t.db, verkenner.actor, { candidateId: c, title: 'Anders', ambitionId: 1, horizon: 'voor_verkiezingen' }, testOrigin),
			() => interviews.deleteCandidate(t.db, verkenner.actor, { candidateId: c }, testOrigin)
		]) {
			const err = await rejection(attempt());
			expect(err).toBeInstanceOf(DomainError);
			expect([err.key, err.status]).toEqual(['interviews_candidate_linked', 409]);
		}
		expect(await countItems()).toBe(before);
		expect(await candidateRow(c)).toMatchObject({ itemId, link: 'added', title: 'Regionale woningbouwafspraken' });
	});

	it('a klankbordgroeplid cannot turn a candidate into an item or add it to one', async () => {
		const id = await newInterview(t.db, verkenner.actor);
		const c = await newCandidate(t.db, verkenner.actor, id);
		const itemId = await newItem(t.db, verkenner.actor);
		expect(await rejection(interviews.promoteCandidate(t.db, klankbord.actor, { candidateId: c }, testOrigin))).toBeInstanceOf(ForbiddenError);
		expect(await rejection(interviews.attachCandidate(t.db, klankbord.actor, { candidateId: c, itemId }, testOrigin))).toBeInstanceOf(ForbiddenError);
		expect(await rejection(interviews.deleteCandidate(t.db, klankbord.actor, { candidateId: c }, testOrigin))).toBeInstanceOf(ForbiddenError);
		expect(await candidateRow(c)).toMatchObject({ itemId: null });
	});
});
