import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { mailOutbox } from '../../../src/lib/server/db/schema';
import { inviteUser } from '../../../src/lib/server/modules/users/invite-user';
import { listOutbox, mailWorker, MAIL_PAGE_SIZE, resendMail } from '../../../src/lib/server/modules/mail';
import { createQueue } from '../../../src/lib/server/queue';
import { auditEvents } from '../../../src/lib/server/db/schema';
import { eq } from 'drizzle-orm';

let t: TestDb;
let admin: NewUser;

beforeAll(async () => {
	t = await testDb();
	admin = await newUser(t.db, [['administrator', null]]);
});
afterAll(() => destroy(t));

describe('the outbox', () => {
	it('is empty at first', async () => {
		expect(await listOutbox(t.db, admin.actor, {})).toEqual({ mails: [], total: 0, page: 1, pageCount: 1 });
	});

	it('lists mail newest first with its body and status, 50 per page', async () => {
		const base = Date.parse('2026-03-02T08:00:00Z');
		await t.db.insert(mailOutbox).values(
			Array.from({ length: MAIL_PAGE_SIZE + 2 }, (_, i) => ({
				to: `persoon${i}@leiden.nl`,
				subject: `Bericht ${i}`,
				body: `Inhoud ${i}`,
				createdAt: new Date(base + i * 60_000),
				sentAt: i === 1 ? new Date(base + i * 60_000 + 1000) : null,
				state: i === 1 ? 'sent' : i === 2 ? 'retrying' : 'held',
				attempts: i === 1 || i === 2 ? 1 : 0,
				error: i === 2 ? 'verbinding geweigerd' : null
			}))
		);
		const first = await listOutbox(t.db, admin.actor, { page: '1' });
		expect(first.total).toBe(MAIL_PAGE_SIZE + 2);
		expect(first.pageCount).toBe(2);
		expect(first.mails).toHaveLength(MAIL_PAGE_SIZE);
		expect(first.mails[0]).toMatchObject({ to: 'persoon51@leiden.nl', body: 'Inhoud 51', state: 'held', resendable: true });
		const second = await listOutbox(t.db, admin.actor, { page: '2' });
		expect(second.mails.map((m) => m.subject)).toEqual(['Bericht 1', 'Bericht 0']);
		expect(second.mails[0]).toMatchObject({ state: 'sent', attempts: 1, resendable: false });
		expect(first.mails.find((m) => m.subject === 'Bericht 2')).toMatchObject({ state: 'retrying', error: 'verbinding geweigerd', resendable: false });
		// a page past the end shows the last one
		expect((await listOutbox(t.db, admin.actor, { page: '99' })).page).toBe(2);
	});

	it('holds the invitation an administrator sent, link included (no SMTP in tests)', async () => {
		await inviteUser(t.db, admin.actor, { name: 'Nieuw', email: 'nieuw@leiden.nl', grants: ['verkenner'] }, testOrigin, 'http://localhost:3000');
		const { mails } = await listOutbox(t.db, admin.actor, {});
		const invitation = mails.find((m) => m.to === 'nieuw@leiden.nl')!;
		// Queued with its delivery job; no worker runs here.
		expect(invitation).toMatchObject({ state: 'queued', kind: 'account', attempts: 0 });
		expect(invitation.body).toMatch(/http:\/\/localhost:3000\/wachtwoord-instellen\/[a-z0-9]{40}/);
	});

	it('sends again only what will not leave by itself, and refuses anything else in Dutch, storing nothing', async () => {
		const { mails } = await listOutbox(t.db, admin.actor, {});
		const queued = mails.find((m) => m.state === 'queued')!;
		const held = mails.find((m) => m.state === 'held')!;
		const before = await t.db.select().from(mailOutbox);
		for (const [input, key] of [
			[{ id: 'geen-id' }, 'error_validation'],
			[{}, 'error_validation'],
			[{ id: '00000000-0000-4000-8000-000000000000' }, 'admin_mail_not_found'],
			[{ id: queued.id }, 'admin_mail_not_resendable']
		] as const) {
			await expect(resendMail(t.db, admin.actor, input, testOrigin)).rejects.toMatchObject({ key });
		}
		expect(await t.db.select().from(mailOutbox)).toEqual(before);
		await resendMail(t.db, admin.actor, { id: held.id }, testOrigin);
		const after = (await listOutbox(t.db, admin.actor, {})).mails.find((m) => m.id === held.id);
		expect(after).toMatchObject({ state: 'queued', resendable: false });
		const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, held.id));
		expect(audit).toMatchObject({ action: 'mail.resent', objectType: 'mail', details: { to: held.to, state: 'held' } });
	});

	it('without a mail server the queue holds a mail, attempting nothing, until an administrator sends it again', async () => {
		const node = await createQueue(t, [mailWorker(t.db)]);
		try {
			await inviteUser(
				t.db,
				admin.actor,
				{ name: 'Zonder server', email: 'zonder.server@leiden.nl', grants: ['verkenner'] },
				testOrigin,
				'http://localhost:3000'
			);
			const mine = async () => (await listOutbox(t.db, admin.actor, {})).mails.find((m) => m.to === 'zonder.server@leiden.nl')!;
			const end = Date.now() + 15_000;
			while ((await mine()).state !== 'held' && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
			expect(await mine()).toMatchObject({ state: 'held', attempts: 0, sentAt: null, resendable: true });
		} finally {
			await node.stop({ graceful: false, wait: true });
		}
	});
});
