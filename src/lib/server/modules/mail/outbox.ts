import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { mailOutbox } from '../../db/schema';
import { readConfig } from '../../config';

export interface Mail {
	to: string;
	subject: string;
	body: string;
}

/** Stores a mail in the outbox, inside the caller's transaction; returns its id for `deliver` after commit. */
export async function enqueueMail(q: Queryable, mail: Mail): Promise<string> {
	const [row] = await q.insert(mailOutbox).values(mail).returning({ id: mailOutbox.id });
	return row.id;
}

type Transport = { sendMail(m: { from: string; to: string; subject: string; text: string }): Promise<unknown> };
let transport: Transport | null | undefined;

async function smtp(): Promise<Transport | null> {
	if (transport !== undefined) return transport;
	const { smtpUrl } = readConfig();
	if (!smtpUrl) return (transport = null);
	const nodemailer = await import('nodemailer');
	return (transport = nodemailer.createTransport(smtpUrl) as unknown as Transport);
}

/**
 * Sends a queued mail over SMTP when SMTP_URL is set (after the transaction committed).
 * Without SMTP the mail stays in the outbox page, so the whole flow works on a laptop.
 */
export async function deliver(q: Queryable, id: string): Promise<void> {
	const t = await smtp();
	if (!t) return;
	const [mail] = await q.select().from(mailOutbox).where(eq(mailOutbox.id, id));
	if (!mail || mail.sentAt) return;
	try {
		await t.sendMail({ from: readConfig().mailFrom, to: mail.to, subject: mail.subject, text: mail.body });
		await q.update(mailOutbox).set({ sentAt: new Date(), error: null }).where(eq(mailOutbox.id, id));
	} catch (err) {
		await q
			.update(mailOutbox)
			.set({ error: String(err).slice(0, 500) })
			.where(eq(mailOutbox.id, id));
	}
}
