import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { mailOutbox } from '../../db/schema';
import { readConfig } from '../../config';

type OutboxRow = typeof mailOutbox.$inferSelect;

export interface Transport {
	sendMail(message: Record<string, unknown>): Promise<unknown>;
}

let transport: Transport | null | undefined;

/** The SMTP transport when SMTP_URL is set; without it mail is held in the outbox for an administrator to read. */
export async function smtpTransport(): Promise<Transport | null> {
	if (transport !== undefined) return transport;
	const { smtpUrl } = readConfig();
	if (!smtpUrl) return (transport = null);
	const nodemailer = await import('nodemailer');
	return (transport = nodemailer.createTransport(smtpUrl) as unknown as Transport);
}

/** For tests and after a configuration change: the next delivery builds the transport again. */
export function resetTransport(): void {
	transport = undefined;
}

// A delivery that started this long ago and never finished (the node died mid-send) may be tried again.
const STALE_SENDING = sql`now() - interval '5 minutes'`;

/**
 * Claims one mail for sending: only one node, and only once, gets a mail that is waiting. A mail already sent
 * (a job run twice, a retry after a restart) is left alone.
 */
async function claim(db: Db, id: string): Promise<OutboxRow | undefined> {
	const [row] = await db
		.update(mailOutbox)
		.set({ state: 'sending', attempts: sql`${mailOutbox.attempts} + 1`, lastAttemptAt: new Date() })
		.where(
			and(
				eq(mailOutbox.id, id),
				or(inArray(mailOutbox.state, ['queued', 'retrying']), and(eq(mailOutbox.state, 'sending'), lt(mailOutbox.lastAttemptAt, STALE_SENDING)))
			)
		)
		.returning();
	return row;
}

/**
 * Without a mail server nothing is attempted (so no attempt is counted): the mail waits, readable in the outbox,
 * until an administrator sends it again.
 */
async function hold(db: Db, id: string): Promise<boolean> {
	const held = await db
		.update(mailOutbox)
		.set({ state: 'held' })
		.where(and(eq(mailOutbox.id, id), inArray(mailOutbox.state, ['queued', 'retrying'])))
		.returning({ id: mailOutbox.id });
	return held.length > 0;
}

export type DeliveryOutcome = 'sent' | 'held' | 'skipped' | 'retrying' | 'failed';

/**
 * Delivers one queued mail. A failure is recorded and thrown while attempts remain, so the queue tries again
 * later (with back-off); the last failure is recorded as failed and not thrown.
 */
export async function deliverMail(db: Db, id: string, attempt: { final: boolean }): Promise<DeliveryOutcome> {
	const t = await smtpTransport();
	if (!t) return (await hold(db, id)) ? 'held' : 'skipped';
	const mail = await claim(db, id);
	if (!mail) return 'skipped';
	try {
		await t.sendMail(message(mail));
	} catch (err) {
		const state = attempt.final ? 'failed' : 'retrying';
		await db
			.update(mailOutbox)
			.set({ state, error: String(err).slice(0, 500) })
			.where(eq(mailOutbox.id, id));
		if (attempt.final) return 'failed';
		throw err;
	}
	await db.update(mailOutbox).set({ state: 'sent', sentAt: new Date(), error: null }).where(eq(mailOutbox.id, id));
	return 'sent';
}

/**
 * The message as nodemailer takes it. A calendar invitation goes twice, as calendar clients expect: as the
 * text/calendar part with its method (what Outlook and Gmail act on) and as an attached .ics file.
 */
function message(mail: OutboxRow): Record<string, unknown> {
	const calendar = mail.attachments.find((a) => a.contentType.startsWith('text/calendar') && a.method);
	return {
		from: readConfig().mailFrom,
		to: mail.to,
		subject: mail.subject,
		text: mail.body,
		html: mail.html ?? undefined,
		messageId: mail.messageId ?? undefined,
		headers: { 'Auto-Submitted': 'auto-generated', ...mail.headers },
		icalEvent: calendar ? { method: calendar.method, filename: calendar.filename, content: calendar.content } : undefined,
		attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a === calendar ? 'application/ics' : a.contentType, content: a.content }))
	};
}
