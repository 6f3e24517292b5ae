import { count, desc } from 'drizzle-orm';
import type { Queryable } from '../../db';
import { mailOutbox } from '../../db/schema';
import { authorize, type Actor } from '../../permissions';
import { pageSchema, pageWindow } from '../../../validation/admin';
import { readConfig } from '../../config';

export const MAIL_PAGE_SIZE = 50;

export type MailStatus = 'sent' | 'error' | 'pending';

export interface OutboxMail {
	id: string;
	to: string;
	subject: string;
	body: string;
	createdAt: Date;
	sentAt: Date | null;
	error: string | null;
	status: MailStatus;
}

export interface OutboxPage {
	mails: OutboxMail[];
	total: number;
	page: number;
	pageCount: number;
}

const statusOf = (r: { sentAt: Date | null; error: string | null }): MailStatus => (r.sentAt ? 'sent' : r.error ? 'error' : 'pending');

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
	return { mails: rows.map((r) => ({ ...r, status: statusOf(r) })), total, page, pageCount };
}

/** Whether mail leaves over SMTP; without it the outbox page is where mail is read. */
export function smtpConfigured(): boolean {
	return !!readConfig().smtpUrl;
}
