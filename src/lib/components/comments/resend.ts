import type { Ack } from '$lib/realtime/events';

/** What follows from one attempt to send an outbox entry. */
export type Outcome =
	/** Stored (now or by an earlier attempt): it leaves the outbox. */
	| { kind: 'stored' }
	/** Refused for good (validation, permission): it stays with its reason until the writer discards it. */
	| { kind: 'refused'; error: string }
	/** The server could not store it just now, or did not answer: the same id is sent again soon. */
	| { kind: 'retry' }
	/** Too many comments in a short time: sent again once the server's window has passed. */
	| { kind: 'wait'; reason: string; ms: number };

/** The server counts a person's comments over the last minute. */
export const RATE_WINDOW_MS = 60_000;
/** The longest pause between two resends while connected. */
export const MAX_BACKOFF_MS = 30_000;

/** Refusals that say "not now" rather than "not this": the same message may succeed a moment later. */
export const isRetryable = (code: string): boolean => code === 'error_server' || code === 'error_database_unavailable';

/** Refusals that sending again will not change. */
const isFinal = (code: string) =>
	code.startsWith('validation_') || code.startsWith('comments_') || code === 'error_forbidden_action' || code === 'error_socket_message';

/** The outcome of an answer to `comment:post`; `null` is no answer in time. */
export function outcomeOf(res: Ack<unknown> | null): Outcome {
	if (!res) return { kind: 'retry' };
	if (res.ok) return { kind: 'stored' };
	if (res.code === 'comments_rate_limited') return { kind: 'wait', reason: res.error, ms: RATE_WINDOW_MS };
	if (isFinal(res.code)) return { kind: 'refused', error: res.error };
	return { kind: 'retry' };
}

/** The pause before resend number `attempt` (1, 2, 3 …): 1, 2, 4, 8, 16, 30, 30 … seconds. */
export function backoffMs(attempt: number): number {
	return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempt - 1));
}

/**
 * One timer per outbox entry that is waiting to be sent again. While the connection stays up (a database
 * restart does not drop it) nothing else would send the entry again, so the timer does.
 */
export class ResendTimers {
	#timers = new Map<string, ReturnType<typeof setTimeout>>();
	#attempts = new Map<string, number>();

	constructor(private readonly resend: (id: string) => void) {}

	/** Sends `id` again after the back-off of its next attempt, or after `ms`; returns the pause. */
	schedule(id: string, ms?: number): number {
		clearTimeout(this.#timers.get(id));
		const attempt = (this.#attempts.get(id) ?? 0) + (ms === undefined ? 1 : 0);
		this.#attempts.set(id, attempt);
		const pause = ms ?? backoffMs(attempt);
		this.#timers.set(
			id,
			setTimeout(() => {
				this.#timers.delete(id);
				this.resend(id);
			}, pause)
		);
		return pause;
	}

	/** Whether `id` is waiting for its next attempt. */
	waiting(id: string): boolean {
		return this.#timers.has(id);
	}

	/** Stored, discarded or sent by hand: no timer and a fresh back-off. */
	forget(id: string): void {
		clearTimeout(this.#timers.get(id));
		this.#timers.delete(id);
		this.#attempts.delete(id);
	}

	clear(): void {
		for (const id of [...this.#timers.keys()]) this.forget(id);
		this.#attempts.clear();
	}
}
