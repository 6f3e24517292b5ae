/** The socket.io handshake on the production server: session cookie and Origin are both checked. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { email } from './support/accounts';
import { loginOverHttp } from './support/auth';
import { baseURL, urlOf } from './support/context';

const EVIL = 'http://evil.example';
const own = () => new URL(baseURL()).origin;
const open: Socket[] = [];

afterEach(() => {
	for (const s of open.splice(0)) s.disconnect();
});

function socket(headers: Record<string, string>): Socket {
	const s = io(baseURL(), {
		transports: ['websocket'],
		extraHeaders: headers,
		reconnection: false,
		forceNew: true,
		timeout: 5_000
	});
	open.push(s);
	return s;
}

/** 'connected', or the connect_error message. */
function outcome(s: Socket): Promise<{ connected: true } | { connected: false; error: string }> {
	return new Promise((resolve) => {
		s.once('connect', () => resolve({ connected: true }));
		s.once('connect_error', (err) => resolve({ connected: false, error: err.message }));
	});
}

describe('socket.io handshake', () => {
	let cookie: string;
	beforeAll(async () => ({ cookie } = await loginOverHttp(email('klankbord.leiderdorp'))));

	it('refuses a connection without a session cookie', async () => {
		const s = socket({ origin: own() });
		const r = await outcome(s);
		expect(r.connected).toBe(false);
		expect(s.connected).toBe(false);
	});

	it('refuses a connection with a forged session cookie', async () => {
		const r = await outcome(socket({ origin: own(), cookie: 'rp_session=abcdefghijklmnopqrstuvwxyz234567' }));
		expect(r.connected).toBe(false);
	});

	it('refuses a valid session cookie from a foreign Origin', async () => {
		const r = await outcome(socket({ origin: EVIL, cookie }));
		expect(r.connected).toBe(false);
	});

	it('refuses a valid session cookie without any Origin', async () => {
		const r = await outcome(socket({ cookie }));
		expect(r.connected).toBe(false);
	});

	it('refuses a login that still owes its second factor (2FA not set up yet)', async () => {
		const { cookie: halfway } = await loginOverHttp(email('college.leiderdorp'));
		const r = await outcome(socket({ origin: own(), cookie: halfway }));
		expect(r.connected).toBe(false);
	});

	it('accepts a valid session cookie from its own origin', async () => {
		const s = socket({ origin: own(), cookie });
		expect(await outcome(s)).toEqual({ connected: true });
		expect(s.connected).toBe(true);
	});

	it('acknowledges a malformed room:join with { ok: false } and keeps the connection up', async () => {
		const s = socket({ origin: own(), cookie });
		expect(await outcome(s)).toEqual({ connected: true });
		for (const bad of [{ room: 42 }, { room: 'keuken:1' }, 'rommel', null]) {
			const ack = await s.timeout(5_000).emitWithAck('room:join', bad);
			expect(ack, JSON.stringify(bad)).toMatchObject({ ok: false });
			expect(typeof ack.error).toBe('string');
		}
		expect(s.connected).toBe(true);
		// Still usable: a well-formed join for a room this member may enter succeeds.
		expect(await s.timeout(5_000).emitWithAck('room:join', { room: 'municipality:leiderdorp' })).toEqual({ ok: true });
	});

	it('ends the live connection when its login is logged out', async () => {
		const { cookie: mine } = await loginOverHttp(email('klankbord.leiderdorp'));
		const s = socket({ origin: own(), cookie: mine });
		expect(await outcome(s)).toEqual({ connected: true });
		const ended = new Promise((resolve) => s.once('session:ended', resolve));
		const gone = new Promise<string>((resolve) => s.once('disconnect', resolve));
		const res = await fetch(urlOf('/uitloggen'), { method: 'POST', redirect: 'manual', headers: { origin: own(), cookie: mine } });
		expect(res.status).toBe(303);
		expect(await ended).toEqual({ reason: 'logout' });
		expect(await gone).toBe('io server disconnect');
	});
});
