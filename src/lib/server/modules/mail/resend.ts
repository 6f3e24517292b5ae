import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { mailOutbox } from '../../db/schema';
import { inTransaction } from '../../bus';
import { DomainError } from '../../errors';
import { authorize, type Actor } from '../../permissions';
import { parse } from '../../validate';
import { resendMailSchema } from '../../../validation/admin';
import { record, type Origin } from '../audit';
import { queueDelivery } from './outbox';

/** Mails that will not leave by themselves: given up after the last retry, or held while no mail server was set. */
const resendable = new Set(['failed', 'held']);

/**
 * An administrator sends a mail again (after the mail server is back, or once SMTP_URL is set): it is queued
 * as new, with the same Message-ID, so it still leaves at most once per queueing.
 */
export async function resendMail(db: Db, actor: Actor | null, input: unknown, origin: Origin): Promise<void> {
	authorize(actor, 'mail.resend');
	const { id } = parse(resendMailSchema, input);
	await inTransaction(db, async (tx) => {
		const [mail] = await tx.select().from(mailOutbox).where(eq(mailOutbox.id, id)).for('update');
		if (!mail) throw new DomainError('admin_mail_not_found', {}, {}, 404);
		if (!resendable.has(mail.state)) throw new DomainError('admin_mail_not_resendable', {}, {}, 409);
		await tx.update(mailOutbox).set({ state: 'queued', error: null }).where(eq(mailOutbox.id, id));
		await queueDelivery(tx, id);
		await record(tx, {
			actor,
			action: 'mail.resent',
			objectType: 'mail',
			objectId: id,
			origin,
			details: { to: mail.to, subject: mail.subject, state: mail.state }
		});
	});
}
