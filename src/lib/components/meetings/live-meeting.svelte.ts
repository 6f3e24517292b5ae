import { connection } from '$lib/realtime/connection.svelte';
import { holdRoom } from '$lib/realtime/live-room';
import type { Ack } from '$lib/realtime/events';
import type { MeetingState } from '$lib/meetings/live';

type Command = 'meeting:drive' | 'meeting:checkin' | 'meeting:temperature' | 'meeting:minute' | 'meeting:minute-delete';

/**
 * A session on the page, live: the newest state from the server (by `seq`: every event carries the whole
 * state, so a gap or a reconnect needs no merging — the next state, or the join after reconnecting, is the
 * truth), a clock corrected by the server's, and the commands, each answered with the new state.
 */
export class LiveMeeting {
	state = $state.raw<MeetingState>() as MeetingState;
	/** The server's clock minus ours, in ms: timers count from server timestamps. */
	#offset = 0;
	/** Ticks every second, so timers re-render. */
	now = $state(Date.now());
	/** The last refusal, in the user's language (shown in an alert). */
	error = $state('');
	#cleanup: (() => void) | null = null;

	constructor(initial: MeetingState) {
		this.accept(initial);
	}

	/** The server's time now, as far as this client can tell. */
	get serverNow(): number {
		return this.now + this.#offset;
	}

	accept(next: MeetingState): void {
		if (next.meetingId !== (this.state?.meetingId ?? next.meetingId)) return;
		if (this.state && next.seq < this.state.seq) return;
		this.#offset = Date.parse(next.serverNow) - Date.now();
		this.state = next;
	}

	start(): void {
		const meetingId = this.state.meetingId;
		// Every join answers the whole state, so a reconnect needs no other catch-up.
		const release = holdRoom({
			key: `meeting ${meetingId}`,
			join: (socket) =>
				void socket
					.timeout(10_000)
					.emitWithAck('meeting:join', { meetingId })
					.then((res: Ack<MeetingState>) => res.ok && res.data && this.accept(res.data))
					.catch(() => {}),
			leave: (socket) => socket.emit('meeting:leave', { meetingId }, () => {}),
			on: { 'meeting:state': (s) => this.accept(s) }
		});
		const timer = setInterval(() => (this.now = Date.now()), 1000);
		this.#cleanup = () => {
			clearInterval(timer);
			release();
		};
	}

	stop(): void {
		this.#cleanup?.();
		this.#cleanup = null;
	}

	/** Sends a command; true when the server stored it (its new state is then shown at once). */
	async send(event: Command, payload: Record<string, unknown>, offline: string): Promise<boolean> {
		const socket = connection.socket;
		if (!socket?.connected) {
			this.error = offline;
			return false;
		}
		const timed = socket.timeout(15_000);
		const emit = timed.emitWithAck.bind(timed) as (e: string, p: unknown) => Promise<Ack<MeetingState>>;
		const res = await emit(event, { meetingId: this.state.meetingId, ...payload }).catch(() => null);
		if (!res) {
			this.error = offline;
			return false;
		}
		if (!res.ok) {
			this.error = res.error;
			return false;
		}
		this.error = '';
		if (res.data) this.accept(res.data);
		return true;
	}
}
