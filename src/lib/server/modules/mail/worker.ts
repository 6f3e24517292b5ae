import type { Db } from '../../db';
import { queues, type Job, type Worker } from '../../queue';
import { deliverMail } from './delivery';

/** Delivers queued mail, one job at a time per node; the queue retries a failed job with back-off. */
export function mailWorker(db: Db): Worker {
	return async (boss) => {
		await boss.work<{ outboxId: string }>(
			queues.mail,
			{ pollingIntervalSeconds: 1, batchSize: 1, includeMetadata: true },
			async ([job]: Job<{ outboxId: string }>[]) => {
				await deliverMail(db, job.data.outboxId, { final: job.retryCount >= job.retryLimit });
			}
		);
	};
}
