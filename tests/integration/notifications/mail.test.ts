/**
 * Notifications by e-mail, as each person chose per kind: at once (queued with the notification, in its
 * transaction), in the daily digest (one mail per person, each notice once), or not at all; defaults per
 * role; settings only one's own; the unsubscribe link in every mail.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { auditEvents, mailOutbox, notificationPreferences, notifications, users } from '../../../src/lib/server/db/schema';
import * as comments from '../../../src/lib/server/modules/comments';
import {
	digestWorker,
	notificationPreferencesOf,
	notificationSettings,
	sendDigests,
	setNotificationPreferences,
	unsubscribe,
	unsubscribeTarget,
	unsubscribeToken
} from '../../../src/lib/server/modules/notifications';
import { transitionItem } from '../../../src/lib/server/modules/agenda-items';
import { DomainError } from '../../../src/lib/server/errors';
import { ForbiddenError } from '../../../src/lib/server/permissions';
import { itemWith } from '../decisions/helpers';
import { readConfig } from '../../../src/lib/server/config';

let t: TestDb;
let verkenner: NewUser;
let college: NewUser;
let collegeEn: NewUser;
let griffie: NewUser;
let kb: NewUser;
let kb2: NewUser;

beforeAll(async () => {
	t = await testDb();
	verkenner = await newUser(t.db, [['verkenner', null]], { name: 'Vera Verkenner' });
	college = await newUser(t.db, [['collegelid', 'leiden']], { name: 'Carla College' });
	collegeEn = await newUser(t.db, [['collegelid', 'oegstgeest']], { name: 'Emma English' });
	await t.db.update(users).set({ locale: 'en' }).where(eq(users.id, collegeEn.id));
	griffie = await newUser(t.db, [['griffie', 'leiden']]);
	kb = await newUser(t.db, [['klankbordgroeplid', 'leiden']], { name: 'Kees Klankbord' });
	kb2 = await newUser(t.db, [['klankbordgroeplid', 'leiden']], { name: 'Karin <b>Klankbord</b>' });
});
afterAll(() => destroy(t));

const mailsTo = (u: NewUser) => t.db.select().from(mailOutbox).where(eq(mailOutbox.userId, u.id));
const noticesOf = (u: NewUser) => t.db.select().from(notifications).where(eq(notifications.userId, u.id));
const prefsOf = (u: NewUser) => t.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, u.id));

/** Every earlier test's notifications count as mailed: each test sees only its own. */
beforeEach(async () => {
	await t.db.update(notifications).set({ mailedAt: new Date() });
	await t.db.delete(mailOutbox);
});

describe('notification settings', () => {
	it('default per role: a college member gets "ready for your decision" at once, a klankbordgroep member positions daily', async () => {
		const c = Object.fromEntries((await notificationPreferencesOf(t.db, college.actor)).map((p) => [p.kind, p.delivery]));
		expect(c).toEqual({ decision_requested: 'immediate', decision_voided: 'immediate', mention: 'immediate', reply: 'digest' });
		const g = Object.fromEntries((await notificationPreferencesOf(t.db, griffie.actor)).map((p) => [p.kind, p.delivery]));
		expect(g).toEqual({ council_requested: 'immediate', decision_voided: 'immediate', mention: 'immediate', reply: 'digest' });
		const k = await notificationPreferencesOf(t.db, kb.actor);
		expect(k.map((p) => [p.kind, p.delivery, p.isDefault])).toEqual([
			['position_requested', 'digest', true],
			['mention', 'immediate', true],
			['reply', 'digest', true]
		]);
	});

	it('a person sets their own, audited; bad input is refused with a Dutch message and stores nothing', async () => {
		const who = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
		await expect(setNotificationPreferences(t.db, who.actor, { mention: 'sometimes' }, testOrigin)).rejects.toMatchObject({
			key: 'error_validation',
			fields: { mention: 'validation_delivery' }
		});
		await expect(setNotificationPreferences(t.db, who.actor, { spam: 'off' }, testOrigin)).rejects.toBeInstanceOf(DomainError);
		expect(await prefsOf(who)).toEqual([]);
		const { m } = await import('../../../src/lib/paraglide/messages.js');
		expect(m.validation_delivery({}, { locale: 'nl' })).toBe('Kies Direct, Dagelijks overzicht of Niet.');

		const after = await setNotificationPreferences(t.db, who.actor, { mention: 'digest', reply: 'off', position_requested: 'digest' }, testOrigin);
		expect(after.map((p) => [p.kind, p.delivery, p.isDefault])).toEqual([
			['position_requested', 'digest', false],
			['mention', 'digest', false],
			['reply', 'off', false]
		]);
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.objectId, who.id), eq(auditEvents.action, 'account.notifications_changed')));
		expect(audit.details).toEqual({ changes: { mention: { from: 'immediate', to: 'digest' }, reply: { from: 'digest', to: 'off' } } });
	});

	it('nobody sets them without a role (the policy: own settings, for people with a role)', async () => {
		const nobody = await newUser(t.db, []);
		await expect(setNotificationPreferences(t.db, nobody.actor, { mention: 'off' }, testOrigin)).rejects.toBeInstanceOf(ForbiddenError);
		expect(await prefsOf(nobody)).toEqual([]);
		// Their account page still opens, without the settings.
		expect((await notificationSettings(t.db, nobody.actor)).kinds).toEqual([]);
	});
});

describe('mail at once', () => {
	it('is queued with the notification: to the person, in their language, plain text and HTML, unsubscribe headers; marked as mailed', async () => {
		const id = await itemWith(t.db, verkenner.actor, ['leiden', 'oegstgeest'], { title: 'Fietsroute <Rijnland> & co' });
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'concept', to: 'in_bespreking' }, testOrigin);
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, testOrigin);

		const [nl] = await mailsTo(college);
		expect(nl).toMatchObject({ to: college.email, kind: 'notification', subject: 'Klaar voor uw besluit: Fietsroute <Rijnland> & co', state: 'queued' });
		expect(nl.body).toContain('Beste Carla College,');
		expect(nl.body).toContain(`/agenda/${id}#kop-besluiten`);
		expect(nl.html).toContain('<html lang="nl">');
		expect(nl.html).toContain('Fietsroute &lt;Rijnland&gt; &amp; co');
		expect(nl.html).not.toContain('<Rijnland>');
		expect(nl.headers['List-Unsubscribe']).toMatch(new RegExp(`^<http.*/afmelden/${college.id}\\.decision_requested\\.[A-Za-z0-9_-]+>$`));
		expect(nl.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

		const [en] = await mailsTo(collegeEn);
		expect(en.subject).toBe('Ready for your decision: Fietsroute <Rijnland> & co');
		expect(en.body).toContain('Dear Emma English,');
		expect(en.html).toContain('<html lang="en">');

		const [notice] = (await noticesOf(college)).filter((n) => n.itemId === id);
		expect(notice.mailedAt).not.toBeNull();
		// The klankbordgroep's position request waits for the digest.
		const [position] = (await noticesOf(kb)).filter((n) => n.itemId === id);
		expect(position).toMatchObject({ kind: 'position_requested', mailedAt: null });
		expect(await mailsTo(kb)).toEqual([]);
	});

	it('"not at all" and disabled accounts: the notification, no mail', async () => {
		const off = await newUser(t.db, [['collegelid', 'voorschoten']]);
		await setNotificationPreferences(t.db, off.actor, { decision_requested: 'off' }, testOrigin);
		const gone = await newUser(t.db, [['collegelid', 'voorschoten']], { disabled: true });
		const id = await itemWith(t.db, verkenner.actor, ['voorschoten']);
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'concept', to: 'in_bespreking' }, testOrigin);
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' }, testOrigin);
		expect((await noticesOf(off)).map((n) => [n.kind, n.mailedAt])).toEqual([['decision_requested', null]]);
		expect(await mailsTo(off)).toEqual([]);
		expect(await mailsTo(gone)).toEqual([]);
	});

	it('a mention goes at once with the comment, linking to the comment; the writer gets nothing', async () => {
		const itemId = await itemWith(t.db, verkenner.actor, ['leiden']);
		const c = await comments.postComment(
			t.db,
			kb2.actor,
			{ id: randomUUID(), itemId, body: 'Wat vindt **u** ervan? <script>', mentions: [{ kind: 'user', id: college.id }] },
			testOrigin
		);
		const [mail] = await mailsTo(college);
		expect(mail.subject).toBe('Karin <b>Klankbord</b> heeft u vermeld bij Regionale woningbouwversnelling');
		expect(mail.body).toContain(`/agenda/${itemId}#reactie-${c.id}`);
		expect(mail.body).toContain('> Wat vindt u ervan? <script>');
		expect(mail.html).toContain('Karin &lt;b&gt;Klankbord&lt;/b&gt;');
		expect(mail.html).toContain('&lt;script&gt;');
		expect(mail.html).not.toContain('<script>');
		expect(await mailsTo(kb2)).toEqual([]);
	});
});

describe('daily digest', () => {
	it('one mail per person, grouped by kind with counts, each notice linked; a second run sends nothing', async () => {
		const person = await newUser(t.db, [['klankbordgroeplid', 'zoeterwoude']], { name: 'Dirk Digest' });
		const a = await itemWith(t.db, verkenner.actor, ['zoeterwoude'], { title: 'Groene verbinding' });
		const b = await itemWith(t.db, verkenner.actor, ['zoeterwoude'], { title: 'Energieloket' });
		for (const id of [a, b]) await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'concept', to: 'in_bespreking' }, testOrigin);
		// A reply in a thread the person wrote in (replies: daily by default).
		const root = await comments.postComment(t.db, person.actor, { id: randomUUID(), itemId: a, body: 'Eerste gedachte' }, testOrigin);
		await comments.postComment(t.db, verkenner.actor, { id: randomUUID(), itemId: a, parentId: root.id, body: 'Goed punt' }, testOrigin);
		expect(await mailsTo(person)).toEqual([]);

		expect(await sendDigests(t.db, new Date(Date.now() + 1000))).toBeGreaterThanOrEqual(1);
		const mails = await mailsTo(person);
		expect(mails).toHaveLength(1);
		const [digest] = mails;
		expect(digest).toMatchObject({ kind: 'digest', to: person.email, subject: 'Dagelijks overzicht: 3 meldingen' });
		expect(digest.body).toContain('2 standpunten gevraagd');
		expect(digest.body).toContain('1 reactie in uw discussies');
		expect(digest.body).toContain(`/agenda/${a}#kop-besluiten`);
		expect(digest.body).toContain(`/agenda/${b}#kop-besluiten`);
		expect(digest.body).toContain(`/agenda/${a}#reactie-`);
		expect(digest.html).toMatch(/<h2[^>]*>2 standpunten gevraagd<\/h2>/);
		expect(digest.headers['List-Unsubscribe']).toContain(`/afmelden/${person.id}.digest.`);
		expect(digest.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
		expect((await noticesOf(person)).every((n) => n.mailedAt !== null)).toBe(true);

		expect(await sendDigests(t.db, new Date(Date.now() + 2000))).toBe(0);
		expect(await mailsTo(person)).toHaveLength(1);
	});

	it('singular, and nothing for kinds set to at once or off', async () => {
		const person = await newUser(t.db, [['klankbordgroeplid', 'leiderdorp']]);
		await setNotificationPreferences(t.db, person.actor, { reply: 'off' }, testOrigin);
		const a = await itemWith(t.db, verkenner.actor, ['leiderdorp']);
		await transitionItem(t.db, verkenner.actor, { itemId: a, from: 'concept', to: 'in_bespreking' }, testOrigin);
		const root = await comments.postComment(t.db, person.actor, { id: randomUUID(), itemId: a, body: 'Vraag' }, testOrigin);
		await comments.postComment(t.db, verkenner.actor, { id: randomUUID(), itemId: a, parentId: root.id, body: 'Antwoord' }, testOrigin);
		await sendDigests(t.db, new Date(Date.now() + 1000));
		const [digest] = await mailsTo(person);
		expect(digest.subject).toBe('Dagelijks overzicht: 1 melding');
		expect(digest.body).toContain('1 standpunt gevraagd');
		expect(digest.body).not.toContain('reactie');
		const reply = (await noticesOf(person)).find((n) => n.kind === 'reply');
		expect(reply?.mailedAt).toBeNull();
	});
});

describe('daily digest, run twice at once (two nodes)', () => {
	it('sends each person one digest: their rows are locked by the first run, skipped by the second', async () => {
		const people = await Promise.all([1, 2, 3].map(() => newUser(t.db, [['klankbordgroeplid', 'oegstgeest']])));
		const id = await itemWith(t.db, verkenner.actor, ['oegstgeest']);
		await transitionItem(t.db, verkenner.actor, { itemId: id, from: 'concept', to: 'in_bespreking' }, testOrigin);
		const now = new Date(Date.now() + 1000);
		const [a, b] = await Promise.all([sendDigests(t.db, now), sendDigests(t.db, now)]);
		expect(a + b).toBe(people.length);
		for (const p of people) expect(await mailsTo(p)).toHaveLength(1);
	});

	it('is scheduled daily at DIGEST_HOUR, Europe/Amsterdam, on the digest queue', async () => {
		const scheduled: unknown[] = [];
		const worked: string[] = [];
		const boss = {
			schedule: async (...args: unknown[]) => void scheduled.push(args),
			work: async (name: string) => void worked.push(name)
		};
		await digestWorker(t.db)(boss as never);
		expect(scheduled).toEqual([['mail-digest', `0 ${readConfig().digestHour} * * *`, {}, { tz: 'Europe/Amsterdam' }]]);
		expect(worked).toEqual(['mail-digest']);
	});
});

describe('unsubscribe link', () => {
	it('a valid token turns that kind off, audited as the person; a tampered one is refused and stores nothing', async () => {
		const person = await newUser(t.db, [['collegelid', 'leiden']]);
		const token = unsubscribeToken(person.id, 'decision_requested');
		expect(await unsubscribeTarget(t.db, token)).toEqual({ scope: 'decision_requested' });

		const tampered = [
			token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA'),
			token.replace('decision_requested', 'mention'),
			`${randomUUID()}.decision_requested.${token.split('.')[2]}`,
			'rommel',
			''
		];
		for (const bad of tampered) {
			await expect(unsubscribeTarget(t.db, bad)).rejects.toMatchObject({ key: 'mail_unsubscribe_invalid', status: 400 });
			await expect(unsubscribe(t.db, bad, testOrigin)).rejects.toMatchObject({ key: 'mail_unsubscribe_invalid', status: 400 });
		}
		expect(await prefsOf(person)).toEqual([]);

		await unsubscribe(t.db, token, testOrigin);
		await unsubscribe(t.db, token, testOrigin);
		expect((await prefsOf(person)).map((p) => [p.kind, p.delivery])).toEqual([['decision_requested', 'off']]);
		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.objectId, person.id), inArray(auditEvents.action, ['account.unsubscribed'])));
		expect(audit[0]).toMatchObject({ actorUserId: person.id, details: { scope: 'decision_requested', kinds: ['decision_requested'] } });
	});

	it('the digest link turns off what came daily; all turns off everything', async () => {
		const person = await newUser(t.db, [['klankbordgroeplid', 'leiden']]);
		await unsubscribe(t.db, unsubscribeToken(person.id, 'digest'), testOrigin);
		const after = Object.fromEntries((await notificationPreferencesOf(t.db, person.actor)).map((p) => [p.kind, p.delivery]));
		expect(after).toEqual({ position_requested: 'off', mention: 'immediate', reply: 'off' });
		await unsubscribe(t.db, unsubscribeToken(person.id, 'all'), testOrigin);
		expect((await notificationPreferencesOf(t.db, person.actor)).every((p) => p.delivery === 'off')).toBe(true);
	});
});
