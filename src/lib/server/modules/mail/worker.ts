import type { Db } from '../../db';
import { queues, type Job, type Worker } from '../../queue';
import { deliverMail } from './delivery';

type MailJob = Job<{ outboxId: string }>;

/**
 * Delivers queued mail, up to ten per fetch, one after another. A failed mail fails only its own job, which the
 * queue retries with back-off; the others in the batch complete.
 */
export function mailWorker(db: Db): Worker {
	return async (boss) => {
		await boss.work<{ outboxId: string }>(queues.mail, { pollingIntervalSeconds: 1, batchSize: 10, includeMetadata: true }, async (jobs: MailJob[]) => {
			for (const job of jobs) {
				try {
					await deliverMail(db, job.data.outboxId, { final: job.retryCount >= job.retryLimit });
				} catch (err) {
					await boss.fail(queues.mail, job.id, { message: String(err).slice(0, 500) });
				}
			}
		});
	};
}
