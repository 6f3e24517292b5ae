import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { originAllowed } from '../../../src/lib/server/realtime/io.js';

/** A handshake as socket.io hands it to `allowRequest`: headers and the connection (TLS or not). */
const handshake = (headers: Record<string, string | string[]>, encrypted = false) => ({ headers, socket: { encrypted } }) as unknown as IncomingMessage;

describe('originAllowed: a socket handshake only from the portal itself, scheme, host and port alike', () => {
	describe('with ORIGIN set (behind a proxy)', () => {
		const configured = 'https://portaal.example';
		const env = {};
		it('accepts exactly that origin', () => {
			expect(originAllowed(handshake({ origin: 'https://portaal.example', host: 'intern:3000' }), configured, env)).toBe(true);
		});
		it.each([
			'http://portaal.example',
			'https://portaal.example:8443',
			'https://evil.example',
			'https://portaal.example.evil.example',
			'null',
			'niet-een-adres'
		])('refuses %s, even when the Host header matches its host', (origin) => {
			expect(originAllowed(handshake({ origin, host: 'portaal.example' }), configured, env)).toBe(false);
		});
	});

	describe('without ORIGIN: the own Host with the protocol the server speaks', () => {
		const plain = { PROTOCOL_HEADER: 'x-regioportaal-protocol' };
		it('plain HTTP (server.js names it): http://<host> only, not https://<host>', () => {
			const headers = { host: 'portaal.local:3000', 'x-regioportaal-protocol': 'http' };
			expect(originAllowed(handshake({ ...headers, origin: 'http://portaal.local:3000' }), undefined, plain)).toBe(true);
			expect(originAllowed(handshake({ ...headers, origin: 'https://portaal.local:3000' }), undefined, plain)).toBe(false);
			expect(originAllowed(handshake({ ...headers, origin: 'http://portaal.local:3001' }), undefined, plain)).toBe(false);
			expect(originAllowed(handshake({ ...headers, origin: 'http://evil.example:3000' }), undefined, plain)).toBe(false);
		});

		it('a proxy that names https: the https origin only', () => {
			const env = { PROTOCOL_HEADER: 'x-forwarded-proto' };
			const headers = { host: 'portaal.example', 'x-forwarded-proto': 'https' };
			expect(originAllowed(handshake({ ...headers, origin: 'https://portaal.example' }), undefined, env)).toBe(true);
			expect(originAllowed(handshake({ ...headers, origin: 'http://portaal.example' }), undefined, env)).toBe(false);
		});

		it('no protocol header: that of the connection (the development server)', () => {
			expect(originAllowed(handshake({ host: 'localhost:5173', origin: 'http://localhost:5173' }), undefined, {})).toBe(true);
			expect(originAllowed(handshake({ host: 'localhost:5173', origin: 'https://localhost:5173' }), undefined, {})).toBe(false);
			expect(originAllowed(handshake({ host: 'localhost:5173', origin: 'https://localhost:5173' }, true), undefined, {})).toBe(true);
			expect(originAllowed(handshake({ host: 'localhost:5173', origin: 'http://localhost:5173' }, true), undefined, {})).toBe(false);
		});

		it('the default port written or not is the same origin', () => {
			expect(originAllowed(handshake({ host: 'portaal.example:80', origin: 'http://portaal.example' }), undefined, {})).toBe(true);
		});

		it('refuses a missing Origin, a missing Host and an unknown protocol', () => {
			expect(originAllowed(handshake({ host: 'portaal.example' }), undefined, {})).toBe(false);
			expect(originAllowed(handshake({ origin: 'http://portaal.example' }), undefined, {})).toBe(false);
			const env = { PROTOCOL_HEADER: 'x-forwarded-proto' };
			expect(originAllowed(handshake({ host: 'portaal.example', 'x-forwarded-proto': 'gopher', origin: 'gopher://portaal.example' }), undefined, env)).toBe(
				false
			);
		});
	});
});
