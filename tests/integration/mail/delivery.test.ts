import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { destroy, testDb, type TestDb } from '../../fixtures/db';
import { rawHeader, startSmtp, type TestSmtp } from '../../fixtures/smtp';
import { mailOutbox } from '../../../src/lib/server/db/schema';
import { inTransaction } from '../../../src/lib/server/bus';
import { createQueue } from '../../../src/lib/server/queue';
import { enqueueMail, mailWorker, resetTransport, type Mail } from '../../../src/lib/server/modules/mail';

let t: TestDb;
let smtp: TestSmtp;
const nodes: PgBoss[] = [];

const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'METHOD:REQUEST', 'BEGIN:VEVENT', 'UID:sessie@regioportaal', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
const mail = (subject: string, extra: Partial<Mail> = {}): Mail => ({
	to: 'griffie@leiden.nl',
	subject,
	text: `Tekst van ${subject}`,
	html: `<p>HTML van ${subject}</p>`,
	kind: 'notification',
	...extra
});
const arrived = (subject: string) => smtp.received.filter((m) => m.subject === subject);
async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > end) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 100));
	}
}

beforeAll(async () => {
	t = await testDb();
	smtp = await startSmtp();
	process.env.SMTP_URL = smtp.url;
	resetTransport();
	nodes.push(await createQueue(t, [mailWorker(t.db)]));
});
afterAll(async () => {
	for (const boss of nodes) await boss.stop({ graceful: false, wait: true });
	await smtp.stop();
	delete process.env.SMTP_URL;
	resetTransport();
	await destroy(t);
});

describe('mail delivery over a real SMTP server', () => {
	it('sends a mail queued in a committed transaction: both parts, its headers and the calendar attachment', async () => {
		const id = await inTransaction(t.db, (tx) =>
			enqueueMail(
				tx,
				mail('Uitnodiging sessie', {
					kind: 'meeting',
					headers: { 'List-Unsubscribe': '<http://localhost:3000/afmelden/abc>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
					attachments: [{ filename: 'sessie.ics', contentType: 'text/calendar', content: ics, method: 'REQUEST' }]
				})
			)
		);
		await until(() => arrived('Uitnodiging sessie').length === 1);
		const [got] = arrived('Uitnodiging sessie');
		const [row] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
		expect(got.text?.trim()).toBe('Tekst van Uitnodiging sessie');
		expect(got.html).toContain('<p>HTML van Uitnodiging sessie</p>');
		expect(rawHeader(got, 'auto-submitted')).toBe('auto-generated');
		expect(rawHeader(got, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
		expect(rawHeader(got, 'list-unsubscribe')).toBe('<http://localhost:3000/afmelden/abc>');
		expect(got.messageId).toBe(row.messageId);
		const file = got.attachments.find((a) => a.filename === 'sessie.ics');
		expect(file?.content.toString()).toContain('UID:sessie@regioportaal');
		const calendarPart = got.attachments.find((a) => a.contentType === 'text/calendar');
		expect(calendarPart?.headers.get('content-type')).toMatchObject({ params: expect.objectContaining({ method: 'REQUEST' }) });
		await until(async () => (await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, id)))[0].state === 'sent');
		const [sent] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
		expect(sent).toMatchObject({ state: 'sent', attempts: 1, error: null });
	});

	it('sends nothing, and queues nothing, when the transaction rolls back', async () => {
		let id = '';
		await expect(
			inTransaction(t.db, async (tx) => {
				id = await enqueueMail(tx, mail('Teruggedraaid'));
				throw new Error('the act failed');
			})
		).rejects.toThrow('the act failed');
		const jobs = (await t.db.execute(sql`select count(*)::int as n from pgboss.job where data->>'outboxId' = ${id}`)) as unknown as {
			rows?: unknown[];
		} & unknown[];
		expect((jobs.rows ?? jobs)[0]).toMatchObject({ n: 0 });
		expect(await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, id))).toEqual([]);
		await new Promise((r) => setTimeout(r, 2500));
		expect(arrived('Teruggedraaid')).toEqual([]);
	});

	it('with two app nodes on one database, each mail leaves once', async () => {
		nodes.push(await createQueue(t, [mailWorker(t.db)]));
		const subjects = Array.from({ length: 20 }, (_, i) => `Twee knooppunten ${i}`);
		for (const subject of subjects) await inTransaction(t.db, (tx) => enqueueMail(tx, mail(subject)));
		await until(() => subjects.every((s) => arrived(s).length >= 1), 30_000);
		await new Promise((r) => setTimeout(r, 2500));
		expect(subjects.map((s) => arrived(s).length)).toEqual(subjects.map(() => 1));
		const ids = new Set(smtp.received.map((m) => m.messageId));
		expect(ids.size).toBe(smtp.received.length);
	});
});
