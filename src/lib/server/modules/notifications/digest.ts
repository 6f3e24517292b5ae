import { and, asc, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db';
import { notifications, users } from '../../db/schema';
import { inTransaction } from '../../bus';
import { readConfig } from '../../config';
import { queues, type Worker } from '../../queue';
import { enqueueMail } from '../mail';
import { isNotificationKind } from '../../../notifications/kinds';
import { effectiveDeliveries } from './preferences';
import { renderDigest } from './mail-templates';
import { unsubscribeHeaders, unsubscribeLink } from './unsubscribe';
import { mailContext, recipients, settingsLink } from './notify';

/** A notice older than this is no longer mailed (it stays on /meldingen): a digest is about the last days. */
const DIGEST_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Sends the daily digest: for every live account with notifications not yet mailed whose kind they want
 * daily, one mail listing them, grouped by kind. Each person's mail is queued in one transaction with the
 * marking of their notifications as mailed, their rows locked (FOR UPDATE SKIP LOCKED): a second run, or
 * another node running at the same time, finds nothing left to send. Returns how many digests were queued.
 */
export async function sendDigests(db: Db, now = new Date()): Promise<number> {
	const since = new Date(now.getTime() - DIGEST_WINDOW_MS);
	const waiting = await db
		.selectDistinct({ userId: notifications.userId })
		.from(notifications)
		.innerJoin(users, eq(users.id, notifications.userId))
		.where(and(isNull(notifications.mailedAt), gt(notifications.createdAt, since), lte(notifications.createdAt, now), isNull(users.disabledAt)));
	let sent = 0;
	for (const { userId } of waiting) {
		try {
			if (await digestFor(db, userId, since, now)) sent++;
		} catch (err) {
			// One person's failure must not keep the others' digests back; theirs is tried at the next run.
			console.error('digest: not sent for', userId, err);
		}
	}
	return sent;
}

async function digestFor(db: Db, userId: string, since: Date, now: Date): Promise<boolean> {
	return inTransaction(db, async (tx) => {
		const rows = await tx
			.select()
			.from(notifications)
			.where(and(eq(notifications.userId, userId), isNull(notifications.mailedAt), gt(notifications.createdAt, since), lte(notifications.createdAt, now)))
			.orderBy(asc(notifications.createdAt), asc(notifications.id))
			.for('update', { skipLocked: true });
		const wants = (await effectiveDeliveries(tx, [userId])).get(userId);
		const due = rows.filter((r) => isNotificationKind(r.kind) && wants?.[r.kind] === 'digest');
		if (!due.length) return false;
		const person = (await recipients(tx, due)).get(userId);
		if (!person) return false;
		const context = await mailContext(tx, due);
		const mail = renderDigest(
			person,
			due.map((r) => context.notice(r)),
			{ settings: settingsLink(), unsubscribe: unsubscribeLink(userId, 'digest') }
		);
		await enqueueMail(tx, { to: person.email, userId, kind: 'digest', ...mail, headers: unsubscribeHeaders(userId, 'digest') });
		await tx
			.update(notifications)
			.set({ mailedAt: now })
			.where(
				inArray(
					notifications.id,
					due.map((r) => r.id)
				)
			);
		return true;
	});
}

/**
 * The daily digest on the job queue: scheduled at DIGEST_HOUR, Europe/Amsterdam (pg-boss keeps one schedule
 * per queue, so every node setting it is the same), run by whichever node fetches the job.
 */
export function digestWorker(db: Db): Worker {
	return async (boss) => {
		await boss.schedule(queues.digest, `0 ${readConfig().digestHour} * * *`, {}, { tz: 'Europe/Amsterdam' });
		await boss.work(queues.digest, { pollingIntervalSeconds: 30, batchSize: 1 }, async () => {
			await sendDigests(db, new Date());
		});
	};
}
