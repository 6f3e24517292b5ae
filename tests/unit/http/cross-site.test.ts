import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite } from '../../../src/lib/server/http/security-handle';
import { safeRedirectTarget } from '../../../src/lib/server/http/redirect-target';

const url = new URL('http://localhost:3000/api/v1/me');
const req = (method: string, headers: Record<string, string>) => new Request(url, { method, headers });

describe('cross-site write check', () => {
	it('refuses a JSON POST from another origin', () => {
		expect(isCrossSiteWrite(req('POST', { origin: 'http://evil.example', 'content-type': 'application/json' }), url)).toBe(true);
	});
	it('refuses a cross-site write that only says Sec-Fetch-Site', () => {
		expect(isCrossSiteWrite(req('DELETE', { 'sec-fetch-site': 'cross-site' }), url)).toBe(true);
	});
	it('allows same-origin writes and all reads', () => {
		expect(isCrossSiteWrite(req('PATCH', { origin: 'http://localhost:3000' }), url)).toBe(false);
		expect(isCrossSiteWrite(req('GET', { origin: 'http://evil.example' }), url)).toBe(false);
	});
});

describe('redirect after login', () => {
	it('stays on this site', () => {
		expect(safeRedirectTarget('/agenda?x=1')).toBe('/agenda?x=1');
		expect(safeRedirectTarget('//evil.example')).toBe('/');
		expect(safeRedirectTarget('https://evil.example')).toBe('/');
		expect(safeRedirectTarget('/\\evil.example')).toBe('/');
		expect(safeRedirectTarget(null)).toBe('/');
	});
});
