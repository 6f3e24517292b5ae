/** Security headers and cross-site write refusal, against the production server over plain HTTP. */
import { beforeAll, describe, expect, it } from 'vitest';
import { email } from './support/accounts';
import { loginOverHttp } from './support/auth';
import { baseURL, urlOf } from './support/context';

const EVIL = 'http://evil.example';
const own = () => new URL(baseURL()).origin;

function directives(csp: string): Map<string, string[]> {
	return new Map(
		csp
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...values]) => [name.toLowerCase(), values])
	);
}

function expectSecurityHeaders(res: Response) {
	const csp = res.headers.get('content-security-policy');
	expect(csp, 'Content-Security-Policy header').toBeTruthy();
	const d = directives(csp!);
	expect(d.get('frame-ancestors')).toEqual(["'none'"]);
	const scripts = d.get('script-src') ?? d.get('default-src');
	expect(scripts, 'script-src (or default-src)').toBeDefined();
	expect(scripts).not.toContain("'unsafe-inline'");
	expect(scripts).not.toContain("'unsafe-eval'");
	expect(scripts).not.toContain('*');
	expect(res.headers.get('referrer-policy')).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
	expect(res.headers.get('x-content-type-options')).toBe('nosniff');
	// Production (NODE_ENV=production) always sends HSTS.
	expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
}

describe('security headers', () => {
	it('"/inloggen" sends a CSP with frame-ancestors \'none\', a referrer policy, nosniff and HSTS', async () => {
		const res = await fetch(urlOf('/inloggen'));
		expect(res.status).toBe(200);
		expectSecurityHeaders(res);
	});

	it('"/" (logged in) sends the same headers', async () => {
		const { cookie } = await loginOverHttp(email('griffie.voorschoten'));
		const res = await fetch(urlOf('/'), { headers: { cookie }, redirect: 'manual' });
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('De Leidse regio');
		expectSecurityHeaders(res);
	});
});

describe('session cookie', () => {
	it('is HttpOnly, SameSite=Lax, for the whole site, with a long random token', async () => {
		const res = await fetch(urlOf('/inloggen'), {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: own(), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ email: email('griffie.leiderdorp'), password: 'Leidseregio-2027!' })
		});
		expect(res.status).toBe(303);
		const cookie = res.headers.getSetCookie().find((c) => c.startsWith('rp_session='));
		expect(cookie).toBeDefined();
		const [pair, ...attributes] = cookie!.split(';').map((p) => p.trim());
		const attrs = attributes.map((a) => a.toLowerCase());
		expect(attrs).toContain('httponly');
		expect(attrs).toContain('samesite=lax');
		expect(attrs).toContain('path=/');
		// At least 160 bits: 32 characters of base32 (or more of base64url).
		expect(pair.slice('rp_session='.length)).toMatch(/^[A-Za-z0-9_-]{32,}$/);
	});
});

describe('cross-site writes', () => {
	let cookie: string;
	beforeAll(async () => ({ cookie } = await loginOverHttp(email('griffie.oegstgeest'))));

	const stillLoggedIn = async (c: string) => (await fetch(urlOf('/'), { headers: { cookie: c }, redirect: 'manual' })).status === 200;

	it('refuses a JSON POST from a foreign Origin with 403, even with a valid session cookie', async () => {
		const res = await fetch(urlOf('/uitloggen'), {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: EVIL, cookie, 'content-type': 'application/json' },
			body: JSON.stringify({})
		});
		expect(res.status).toBe(403);
		expect(await res.json()).toEqual({ code: 'cross_site_refused', message: 'Verzoek van een andere website geweigerd.', errors: {} });
		// The refused request did nothing: the session is still there.
		expect(await stillLoggedIn(cookie)).toBe(true);
	});

	it('refuses a JSON POST that the browser marks cross-site (Sec-Fetch-Site, no Origin) with 403', async () => {
		const res = await fetch(urlOf('/uitloggen'), {
			method: 'POST',
			redirect: 'manual',
			headers: { 'sec-fetch-site': 'cross-site', cookie, 'content-type': 'application/json' },
			body: '{}'
		});
		expect(res.status).toBe(403);
		expect(await stillLoggedIn(cookie)).toBe(true);
	});

	it('accepts the same JSON POST from its own origin (the check is on the origin, not the method)', async () => {
		const { cookie: other } = await loginOverHttp(email('griffie.oegstgeest'));
		const res = await fetch(urlOf('/uitloggen'), {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: own(), cookie: other, 'content-type': 'application/json' },
			body: '{}'
		});
		expect(res.status).toBe(303);
		expect(await stillLoggedIn(other)).toBe(false);
	});

	it('refuses a form POST to /inloggen from a foreign Origin with 403 and sets no session', async () => {
		const res = await fetch(urlOf('/inloggen'), {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: EVIL, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ email: email('griffie.zoeterwoude'), password: 'Leidseregio-2027!' })
		});
		expect(res.status).toBe(403);
		expect(res.headers.getSetCookie().some((c) => c.startsWith('rp_session=') && !/^rp_session=;/.test(c))).toBe(false);
	});

	it('refuses a form POST without any Origin with 403 (the form-origin check of the security handle)', async () => {
		const res = await fetch(urlOf('/inloggen'), {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ email: email('griffie.zoeterwoude'), password: 'Leidseregio-2027!' })
		});
		expect(res.status).toBe(403);
	});

	it("lets a mail client's one-click unsubscribe through without Origin (RFC 8058); its token is checked by the page", async () => {
		const res = await fetch(urlOf('/afmelden/00000000-0000-4000-8000-000000000000.mention.bm90LWEtdmFsaWQtc2lnbmF0dXJl'), {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'List-Unsubscribe=One-Click'
		});
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('Deze afmeldlink klopt niet');
	});
});
