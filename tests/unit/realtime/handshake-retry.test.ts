import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handshakeRefusal, retryRefusedHandshake } from '../../../src/lib/realtime/handshake';

/** The page's socket, faked: `active` as socket.io sets it, connect attempts counted, errors delivered. */
function fakeSocket() {
	const listeners = new Set<(err: Error) => void>();
	return {
		active: false,
		connects: 0,
		on: (_event: string, fn: (err: Error) => void) => void listeners.add(fn),
		off: (_event: string, fn: (err: Error) => void) => void listeners.delete(fn),
		connect() {
			this.connects++;
		},
		error(message: string, active: boolean) {
			this.active = active;
			for (const fn of listeners) fn(new Error(message));
		}
	};
}

describe('a handshake the server refused', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('is tried again after the pause when the login could not be checked, once per refusal', () => {
		const socket = fakeSocket();
		const loginOver = vi.fn();
		retryRefusedHandshake(socket as never, loginOver, () => 1_500);
		socket.error(handshakeRefusal.tryAgain, false);
		vi.advanceTimersByTime(1_499);
		expect(socket.connects).toBe(0);
		vi.advanceTimersByTime(1);
		expect(socket.connects).toBe(1);
		socket.error(handshakeRefusal.tryAgain, false);
		vi.advanceTimersByTime(1_500);
		expect(socket.connects).toBe(2);
		expect(loginOver).not.toHaveBeenCalled();
	});

	it('sends the page to the login page when the login is over, without trying again', () => {
		const socket = fakeSocket();
		const loginOver = vi.fn();
		retryRefusedHandshake(socket as never, loginOver, () => 1_500);
		socket.error(handshakeRefusal.loginOver, false);
		vi.advanceTimersByTime(10_000);
		expect(loginOver).toHaveBeenCalledTimes(1);
		expect(socket.connects).toBe(0);
	});

	it('leaves a lost connection to socket.io, which reconnects by itself', () => {
		const socket = fakeSocket();
		const loginOver = vi.fn();
		retryRefusedHandshake(socket as never, loginOver, () => 1_500);
		socket.error('websocket error', true);
		vi.advanceTimersByTime(10_000);
		expect(socket.connects).toBe(0);
		expect(loginOver).not.toHaveBeenCalled();
	});

	it('stops: a pending retry is cancelled and later refusals are left alone', () => {
		const socket = fakeSocket();
		const stop = retryRefusedHandshake(
			socket as never,
			() => {},
			() => 1_500
		);
		socket.error(handshakeRefusal.tryAgain, false);
		stop();
		vi.advanceTimersByTime(5_000);
		socket.error(handshakeRefusal.tryAgain, false);
		vi.advanceTimersByTime(5_000);
		expect(socket.connects).toBe(0);
	});

	it('waits between one and two seconds by default', () => {
		const socket = fakeSocket();
		retryRefusedHandshake(socket as never, () => {});
		socket.error(handshakeRefusal.tryAgain, false);
		vi.advanceTimersByTime(999);
		expect(socket.connects).toBe(0);
		vi.advanceTimersByTime(1_001);
		expect(socket.connects).toBe(1);
	});
});
