import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { newUser, testOrigin, type NewUser } from '../../fixtures/factories';
import { startSmtp, type TestSmtp } from '../../fixtures/smtp';
import { mailOutbox } from '../../../src/lib/server/db/schema';
import { inTransaction } from '../../../src/lib/server/bus';
import { createQueue } from '../../../src/lib/server/queue';
import { enqueueMail, listOutbox, mailWorker, resendMail, resetTransport } from '../../../src/lib/server/modules/mail';

let t: TestDb;
let smtp: TestSmtp;
let node: PgBoss;
let admin: NewUser;

const row = async (id: string) => (await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, id)))[0];
const arrived = (subject: string) => smtp.received.filter((m) => m.subject === subject);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > end) throw new Error('timed out');
		await sleep(200);
	}
}
const queue = (subject: string) =>
	inTransaction(t.db, (tx) => enqueueMail(tx, { to: 'college@oegstgeest.nl', subject, text: 'Klaar voor uw besluit.', kind: 'notification' }));

beforeAll(async () => {
	t = await testDb();
	admin = await newUser(t.db, [['administrator', null]]);
	smtp = await startSmtp();
	process.env.SMTP_URL = smtp.url;
	process.env.MAIL_RETRY_DELAY_SECONDS = '1';
	resetTransport();
	node = await createQueue(t, [mailWorker(t.db)]);
});
afterAll(async () => {
	await node.stop({ graceful: false, wait: true });
	await smtp.stop();
	delete process.env.SMTP_URL;
	delete process.env.MAIL_RETRY_DELAY_SECONDS;
	delete process.env.MAIL_RETRY_LIMIT;
	resetTransport();
	await destroy(t);
});

describe('when the mail server is down', () => {
	it('a minute down and the app node restarted meanwhile: retried with back-off, and the mail arrives once', { timeout: 240_000 }, async () => {
		await smtp.stop();
		const downSince = Date.now();
		const id = await queue('Een minuut zonder mailserver');
		// Between two attempts (on a busy machine a poll may fall inside the next one, while it is 'sending').
		await until(async () => {
			const r = await row(id);
			return r.attempts >= 2 && r.state === 'retrying';
		}, 20_000);
		expect(await row(id)).toMatchObject({ state: 'retrying', sentAt: null });
		expect((await row(id)).error).toMatch(/ECONNREFUSED/);
		// The node stops (a restart) while the mail waits; a new one takes over from the database.
		await node.stop({ graceful: true, wait: true });
		node = await createQueue(t, [mailWorker(t.db)]);
		await sleep(60_000 - (Date.now() - downSince));
		// Retried every second, it would have tried some sixty times; with back-off the waits double.
		const attemptsWhileDown = (await row(id)).attempts;
		expect(attemptsWhileDown).toBeGreaterThanOrEqual(3);
		expect(attemptsWhileDown).toBeLessThanOrEqual(8);
		await smtp.start();
		await until(() => arrived('Een minuut zonder mailserver').length > 0, 150_000);
		await sleep(3000);
		expect(arrived('Een minuut zonder mailserver')).toHaveLength(1);
		expect(await row(id)).toMatchObject({ state: 'sent', error: null, attempts: attemptsWhileDown + 1 });
	});

	it('gives up after the last retry, shows it in the outbox, and an administrator sends it again', { timeout: 60_000 }, async () => {
		process.env.MAIL_RETRY_LIMIT = '1';
		await smtp.stop();
		const id = await queue('Opgegeven');
		await until(async () => (await row(id)).state === 'failed', 30_000);
		expect(await row(id)).toMatchObject({ state: 'failed', attempts: 2 });
		const listed = (await listOutbox(t.db, admin.actor, {})).mails.find((m) => m.id === id);
		expect(listed).toMatchObject({ state: 'failed', attempts: 2, resendable: true });
		await smtp.start();
		await resendMail(t.db, admin.actor, { id }, testOrigin);
		await until(() => arrived('Opgegeven').length > 0, 20_000);
		await until(async () => (await row(id)).state === 'sent', 5000);
		expect(arrived('Opgegeven')).toHaveLength(1);
		// Sent mail is not sent again.
		await expect(resendMail(t.db, admin.actor, { id }, testOrigin)).rejects.toMatchObject({ key: 'admin_mail_not_resendable' });
	});
});
