import { count, desc } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { mailOutbox } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { pageSchema, pageWindow } from '../../../validation/admin';
import { readConfig } from '../../config';

export const MAIL_PAGE_SIZE = 50;

export type MailState = 'queued' | 'sending' | 'sent' | 'retrying' | 'failed' | 'held';

export interface OutboxMail {
	id: string;
	to: string;
	subject: string;
	body: string;
	kind: string;
	createdAt: Date;
	sentAt: Date | null;
	lastAttemptAt: Date | null;
	attempts: number;
	error: string | null;
	state: MailState;
	attachments: string[];
	/** Whether an administrator may send it again (it will not leave by itself). */
	resendable: boolean;
}

export interface OutboxPage {
	mails: OutboxMail[];
	total: number;
	page: number;
	pageCount: number;
}

/**
 * The outbox, newest first, bodies included: without SMTP this is where an administrator
 * picks up an invitation link. Mails hold such links, so reading them is a privilege.
 */
export async function listOutbox(q: Queryable, actor: Actor | null, filters: unknown): Promise<OutboxPage> {
	authorize(actor, 'mail.read');
	const f = pageSchema.parse(filters);
	const [{ total }] = await q.select({ total: count() }).from(mailOutbox);
	const { page, pageCount, limit, offset } = pageWindow(total, f.page, MAIL_PAGE_SIZE);
	const rows = await q.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id)).limit(limit).offset(offset);
	const mails = rows.map((r): OutboxMail => ({
		id: r.id,
		to: r.to,
		subject: r.subject,
		body: r.body,
		kind: r.kind,
		createdAt: r.createdAt,
		sentAt: r.sentAt,
		lastAttemptAt: r.lastAttemptAt,
		attempts: r.attempts,
		error: r.error,
		state: r.state as MailState,
		attachments: r.attachments.map((a) => a.filename),
		resendable: r.state === 'failed' || r.state === 'held'
	}));
	return { mails, total, page, pageCount };
}

/** Whether mail leaves over SMTP; without it the outbox page is where mail is read. */
export function smtpConfigured(): boolean {
	return !!readConfig().smtpUrl;
}
