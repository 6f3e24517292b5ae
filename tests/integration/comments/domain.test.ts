import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { newItem, recordPublished, rejection } from '../agenda/helpers';
import * as comments from '../../../src/lib/server/modules/comments';
import { auditEvents, comments as commentsTable, notifications } from '../../../src/lib/server/db/schema';

let t: TestDb;
let verkenner: NewUser, leiden: NewUser, leiden2: NewUser, oegstgeest: NewUser, admin: NewUser;
let itemId: string;

beforeAll(async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]]);
	leiden = await newUser(t.db, [['klankbordgroeplid', 'leiden']], { name: 'Anna Leiden' });
	leiden2 = await newUser(t.db, [['meelezer', 'leiden']]);
	oegstgeest = await newUser(t.db, [['klankbordgroeplid', 'oegstgeest']], { name: 'Otto Oegstgeest' });
	admin = await newUser(t.db, [['administrator', null]]);
	itemId = await newItem(t.db, verkenner.actor);
});
afterAll(() => destroy(t));

const post = (who: NewUser, input: Record<string, unknown>) =>
	comments.postComment(t.db, who.actor, { id: randomUUID(), itemId, body: 'Goed plan.', ...input }, testOrigin);

describe('comments: threads and replies', () => {
	it('posts a thread and a reply; a reply to a reply joins the root thread; audit and seq are written', async () => {
		const rec = recordPublished();
		try {
			const root = await post(leiden, { body: 'Wat kost dit **precies**?', stance: 'neutraal' });
			const reply = await post(verkenner, { parentId: root.id, body: 'Zie de kostenraming.' });
			const reply2 = await post(oegstgeest, { parentId: reply.id, body: 'Eens.', stance: 'voor' });
			expect(reply.parentId).toBe(root.id);
			expect(reply2.parentId).toBe(root.id);
			expect(reply2.stance).toBe('voor');
			expect(reply.seq).toBeGreaterThan(root.seq);
			expect(reply2.seq).toBeGreaterThan(reply.seq);
			expect(root.author.name).toBe('Anna Leiden');
			const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, root.id));
			expect(audit.map((a) => a.action)).toEqual(['comment.posted']);
			expect(rec.events.filter((e) => e.event === 'comment:changed').map((e) => e.room)).toEqual([
				`comments:${itemId}`,
				`comments:${itemId}`,
				`comments:${itemId}`
			]);
			// the root author is told about both replies, the verkenner about the reply to his reply
			const forLeiden = await comments.listNotifications(t.db, leiden.actor);
			expect(forLeiden.filter((n) => n.kind === 'reply').length).toBe(2);
		} finally {
			rec.stop();
		}
	});

	it('acknowledges the comment exactly as readers later see it, mention names included', async () => {
		const posted = await post(leiden, {
			body: 'Vraag aan @Otto Oegstgeest en @Oegstgeest.',
			stance: 'voor',
			mentions: [
				{ kind: 'user', id: oegstgeest.id },
				{ kind: 'municipality', id: 'oegstgeest' }
			]
		});
		expect(posted.mentions.map((m) => m.label)).toEqual(['Otto Oegstgeest', 'Oegstgeest']);
		const { comments: listed } = await comments.listComments(t.db, leiden.actor, itemId);
		expect(posted).toEqual(listed.find((c) => c.id === posted.id));
	});

	it('a resend with the same id never stores a second comment, also when sent concurrently', async () => {
		const id = randomUUID();
		const input = { id, itemId, body: 'Dubbel?' };
		const results = await Promise.all([1, 2, 3].map(() => comments.postComment(t.db, leiden.actor, input, testOrigin)));
		expect(new Set(results.map((r) => r.id))).toEqual(new Set([id]));
		const again = await comments.postComment(t.db, leiden.actor, input, testOrigin);
		expect(again.seq).toBe(results[0].seq);
		const rows = await t.db.select().from(commentsTable).where(eq(commentsTable.id, id));
		expect(rows).toHaveLength(1);
		// someone else cannot take over that id
		expect((await rejection(comments.postComment(t.db, oegstgeest.actor, input, testOrigin))).key).toBe('comments_id_taken');
	});

	it('refuses empty, too long, bad stance, unknown mention, a role that may not comment; stores nothing', async () => {
		const before = (await t.db.select().from(commentsTable)).length;
		expect((await rejection(post(leiden, { body: '   ' }))).fields.body).toBe('validation_comment_empty');
		expect((await rejection(post(leiden, { body: 'x'.repeat(10_001) }))).fields.body).toBe('validation_comment_too_long');
		await expect(post(leiden, { body: 'x'.repeat(10_000) })).resolves.toBeTruthy();
		expect((await rejection(post(leiden, { stance: 'misschien' }))).fields.stance).toBe('validation_comment_stance');
		expect((await rejection(post(leiden, { mentions: [{ kind: 'user', id: randomUUID() }] }))).key).toBe('validation_comment_mention');
		expect((await rejection(post(admin, {}))).code).toBe('forbidden');
		expect((await rejection(post(leiden, { itemId: randomUUID() }))).key).toBe('comments_item_not_found');
		expect((await rejection(post(leiden, { id: 'geen-uuid' }))).fields.id).toBe('validation_comment_malformed');
		expect((await t.db.select().from(commentsTable)).length).toBe(before + 1);
	});

	it('limits the rate per person', async () => {
		const spammer = await newUser(t.db, [['meelezer', 'voorschoten']]);
		const old = comments.commentRate.perMinute;
		comments.commentRate.perMinute = 3;
		try {
			const sent = [];
			for (let i = 0; i < 3; i++) sent.push(await post(spammer, { body: `nummer ${i}` }));
			const err = await rejection(post(spammer, { body: 'te veel' }));
			expect(err.key).toBe('comments_rate_limited');
			// A resend at the limit (its acknowledgement was lost) is answered with the stored comment, not refused.
			const again = await comments.postComment(t.db, spammer.actor, { id: sent[2].id, itemId, body: 'nummer 2' }, testOrigin);
			expect(again).toEqual(sent[2]);
			const stored = await t.db.select().from(commentsTable).where(eq(commentsTable.authorId, spammer.id));
			expect(stored).toHaveLength(3);
			const other = await newUser(t.db, [['meelezer', 'voorschoten']]);
			await expect(post(other, { body: 'een ander mag nog' })).resolves.toBeTruthy();
		} finally {
			comments.commentRate.perMinute = old;
		}
	});
});

describe('comments: their text as HTML, rendered by the server', () => {
	it('each view, edit and earlier text carries the safe HTML of its Markdown, and a tombstone none', async () => {
		const c = await post(leiden, { body: '**Eens**, zie https://leiden.nl <script>alert(1)</script>' });
		expect(c.html).toContain('<strong>Eens</strong>');
		expect(c.html).toContain('<a href="https://leiden.nl" rel="noopener noreferrer nofollow" target="_blank">');
		expect(c.html).toContain('&lt;script&gt;');
		expect(c.html).not.toContain('<script>');
		const edited = await comments.editComment(t.db, leiden.actor, { id: c.id, body: '*Toch niet*' }, testOrigin);
		expect(edited.html).toBe('<p><em>Toch niet</em></p>\n');
		const [earlier] = await comments.commentRevisionsOf(t.db, oegstgeest.actor, { id: c.id });
		expect(earlier.html).toBe(c.html);
		const listed = (await comments.listComments(t.db, oegstgeest.actor, itemId)).comments.find((x) => x.id === c.id)!;
		expect(listed.html).toBe(edited.html);
		expect((await comments.deleteComment(t.db, leiden.actor, { id: c.id }, testOrigin)).html).toBe('');
	});
});

describe('comments: edit, delete, resolve', () => {
	it('edits keep the earlier text; only the author may edit or delete; delete leaves a tombstone', async () => {
		const c = await post(leiden, { body: 'Eerste tekst', stance: 'tegen' });
		const edited = await comments.editComment(t.db, leiden.actor, { id: c.id, body: 'Tweede tekst', stance: 'voor' }, testOrigin);
		expect(edited.body).toBe('Tweede tekst');
		expect(edited.editedAt).not.toBeNull();
		expect(edited.revisions).toBe(1);
		expect(edited.seq).toBeGreaterThan(c.seq);
		const revs = await comments.commentRevisionsOf(t.db, oegstgeest.actor, { id: c.id });
		expect(revs).toEqual([expect.objectContaining({ body: 'Eerste tekst', stance: 'tegen' })]);

		expect((await rejection(comments.editComment(t.db, oegstgeest.actor, { id: c.id, body: 'Overgenomen' }, testOrigin))).key).toBe('comments_not_yours');
		expect((await rejection(comments.deleteComment(t.db, verkenner.actor, { id: c.id }, testOrigin))).key).toBe('comments_not_yours');

		const gone = await comments.deleteComment(t.db, leiden.actor, { id: c.id }, testOrigin);
		expect(gone.deletedAt).not.toBeNull();
		expect(gone.body).toBe('');
		const [row] = await t.db.select().from(commentsTable).where(eq(commentsTable.id, c.id));
		expect(row.body).toBe('');
		expect(await comments.commentRevisionsOf(t.db, leiden.actor, { id: c.id })).toEqual([]);
		const list = await comments.listComments(t.db, oegstgeest.actor, itemId);
		expect(list.comments.find((x) => x.id === c.id)).toMatchObject({ body: '', deletedAt: expect.any(String) });
	});

	it('resolves and reopens a thread', async () => {
		const c = await post(oegstgeest, { body: 'Afronden?' });
		const r = await comments.resolveThread(t.db, verkenner.actor, { id: c.id, resolved: true }, testOrigin);
		expect(r.resolvedAt).not.toBeNull();
		expect(r.resolvedBy).toBe(verkenner.name);
		const again = await comments.resolveThread(t.db, verkenner.actor, { id: c.id, resolved: false }, testOrigin);
		expect(again.resolvedAt).toBeNull();
		const reply = await post(leiden, { parentId: c.id });
		expect((await rejection(comments.resolveThread(t.db, leiden.actor, { id: reply.id, resolved: true }, testOrigin))).key).toBe('comments_resolve_root_only');
	});
});

describe('comments: visibility, mentions, catch-up, unread', () => {
	it('internal comments are only readable by their municipality, also replies and in since/unread', async () => {
		const rec = recordPublished();
		let internal;
		try {
			internal = await post(leiden, { visibility: 'internal', body: 'Alleen voor Leiden' });
		} finally {
			rec.stop();
		}
		expect(internal.municipalityId).toBe('leiden');
		expect(rec.events.find((e) => e.event === 'comment:changed')?.room).toBe(`comments:${itemId}:leiden`);
		const reply = await post(leiden2, { parentId: internal.id, body: 'Intern antwoord' });
		expect(reply.visibility).toBe('internal');

		const seen = (who: NewUser) => comments.listComments(t.db, who.actor, itemId).then((l) => l.comments.map((c) => c.id));
		expect(await seen(leiden2)).toEqual(expect.arrayContaining([internal.id, reply.id]));
		expect(await seen(oegstgeest)).not.toContain(internal.id);
		expect(await seen(oegstgeest)).not.toContain(reply.id);
		expect(await seen(verkenner)).not.toContain(internal.id);
		expect((await rejection(post(oegstgeest, { parentId: internal.id }))).key).toBe('comments_not_found');
		expect((await rejection(comments.commentRevisionsOf(t.db, oegstgeest.actor, { id: internal.id }))).key).toBe('comments_not_found');
		expect((await rejection(post(verkenner, { visibility: 'internal' }))).key).toBe('comments_internal_needs_municipality');
		expect((await rejection(post(leiden, { visibility: 'internal', municipalityId: 'oegstgeest' }))).key).toBe('comments_internal_needs_municipality');

		const unreadO = await comments.unreadCounts(t.db, oegstgeest.actor, [itemId]);
		const unreadL = await comments.unreadCounts(t.db, leiden2.actor, [itemId]);
		expect(unreadL[itemId]).toBeGreaterThan(unreadO[itemId] ?? 0);
		await comments.markItemRead(t.db, oegstgeest.actor, itemId);
		expect((await comments.unreadCounts(t.db, oegstgeest.actor, [itemId]))[itemId]).toBeUndefined();
	});

	it('mentions notify a person and a municipality delegation, never outside an internal comment', async () => {
		const delegate = await newUser(t.db, [['klankbordgroeplid', 'zoeterwoude']]);
		const c = await post(verkenner, {
			body: '@Otto en @Zoeterwoude: uw mening?',
			mentions: [
				{ kind: 'user', id: oegstgeest.id },
				{ kind: 'municipality', id: 'zoeterwoude' }
			]
		});
		expect(c.mentions.map((m) => m.label)).toEqual(['Otto Oegstgeest', 'Zoeterwoude']);
		const mine = await comments.listNotifications(t.db, delegate.actor);
		expect(mine).toEqual([expect.objectContaining({ kind: 'mention', commentId: c.id, actorName: verkenner.name })]);
		expect(await comments.unreadNotificationCount(t.db, delegate.actor)).toBe(1);
		await comments.markNotificationsRead(t.db, delegate.actor);
		expect(await comments.unreadNotificationCount(t.db, delegate.actor)).toBe(0);

		const secret = await post(leiden, { visibility: 'internal', body: 'intern', mentions: [{ kind: 'user', id: oegstgeest.id }] });
		const forO = await t.db.select().from(notifications).where(eq(notifications.commentId, secret.id));
		expect(forO).toHaveLength(0);
	});

	it('since returns what changed after a sequence number, each comment with its latest seq', async () => {
		const { seq } = await comments.listComments(t.db, oegstgeest.actor, itemId);
		const a = await post(leiden, { body: 'A' });
		const b = await post(leiden, { body: 'B' });
		await comments.editComment(t.db, leiden.actor, { id: a.id, body: 'A2' }, testOrigin);
		const since = await comments.commentsSince(t.db, oegstgeest.actor, { itemId, after: seq });
		expect(since.comments.map((c) => [c.id, c.body])).toEqual([
			[b.id, 'B'],
			[a.id, 'A2']
		]);
		expect(since.seq).toBe(since.comments.at(-1)?.seq);
	});

	it('stores an anchored thread with Yjs relative positions that follow the text', async () => {
		const doc = new Y.Doc();
		const text = doc.getText('t');
		text.insert(0, 'De regio bouwt 10.000 woningen.');
		const start = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 15));
		const end = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 21));
		const c = await post(leiden, {
			body: 'Is dit haalbaar?',
			anchor: { field: 'description', start: Buffer.from(start).toString('base64'), end: Buffer.from(end).toString('base64'), quote: '10.000' }
		});
		expect(c.anchor).toMatchObject({ field: 'description', quote: '10.000' });
		text.insert(0, 'Vandaag: ');
		const abs = (b64: string) => Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(b64, 'base64')), doc)?.index;
		const from = abs(c.anchor!.start)!;
		const to = abs(c.anchor!.end)!;
		expect(text.toString().slice(from, to)).toBe('10.000');
		expect((await rejection(post(leiden, { parentId: c.id, anchor: c.anchor }))).key).toBe('validation_comment_anchor');
	});
});

describe('comments: who can be mentioned', () => {
	it('each person with their roles and municipalities, so two people of the same name are told apart', async () => {
		const both = await newUser(
			t.db,
			[
				['klankbordgroeplid', 'leiden'],
				['collegelid', 'oegstgeest']
			],
			{ name: 'Bea Beide' }
		);
		const { people } = await comments.mentionOptions(t.db, leiden.actor);
		const byId = new Map(people.map((p) => [p.id, p]));
		expect(byId.get(leiden.id)).toEqual({ id: leiden.id, name: 'Anna Leiden', roles: [{ role: 'klankbordgroeplid', municipality: 'Leiden' }] });
		expect(byId.get(verkenner.id)?.roles).toEqual([{ role: 'verkenner', municipality: null }]);
		expect(byId.get(both.id)?.roles).toEqual([
			{ role: 'klankbordgroeplid', municipality: 'Leiden' },
			{ role: 'collegelid', municipality: 'Oegstgeest' }
		]);
		// One entry per person.
		expect(people.filter((p) => p.id === both.id)).toHaveLength(1);
	});
});
