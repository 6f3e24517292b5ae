import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db';
import { mailOutbox, type MailAttachment } from '../../db/schema';
import { readConfig } from '../../config';
import { queues, sendJob } from '../../queue';

export type { MailAttachment };

/** What a mail is about: account mails, a notification kind, the daily digest, a session invitation. */
export type MailKind = 'account' | 'notification' | 'digest' | 'meeting';

export interface Mail {
	to: string;
	subject: string;
	/** The plain-text part; every mail has one. */
	text: string;
	/** The HTML part, when the mail has one (notifications, digests, invitations). */
	html?: string;
	kind: MailKind;
	/** The person it is for, when they have an account (the outbox links to them; deleting them keeps the mail). */
	userId?: string | null;
	/** Extra headers (List-Unsubscribe…); `Auto-Submitted` and `Message-ID` are set for every mail. */
	headers?: Record<string, string>;
	attachments?: MailAttachment[];
}

/**
 * Stores a mail in the outbox and queues its delivery, both inside the caller's transaction: the mail leaves
 * exactly when the act it tells about is committed, and a restart in between loses nothing.
 */
export async function enqueueMail(q: Queryable, mail: Mail): Promise<string> {
	const id = randomUUID();
	const config = readConfig();
	await q.insert(mailOutbox).values({
		id,
		to: mail.to,
		subject: mail.subject,
		body: mail.text,
		html: mail.html ?? null,
		kind: mail.kind,
		userId: mail.userId ?? null,
		headers: mail.headers ?? {},
		attachments: mail.attachments ?? [],
		messageId: `<${id}@${new URL(config.siteUrl).hostname}>`
	});
	await queueDelivery(q, id);
	return id;
}

/** The delivery job of an outbox mail, in the caller's transaction; failed attempts are retried with back-off. */
export async function queueDelivery(q: Queryable, outboxId: string): Promise<void> {
	const { mailRetryLimit, mailRetryDelay } = readConfig();
	await sendJob(q, queues.mail, { outboxId }, { retryLimit: mailRetryLimit, retryDelay: mailRetryDelay, retryBackoff: true });
}
