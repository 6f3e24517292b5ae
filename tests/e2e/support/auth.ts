import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './accounts';
import { baseURL } from './context';

export const SESSION_COOKIE = 'rp_session';

/**
 * Fills the Dutch login form at /inloggen and submits it. Resolves once the browser has left the
 * login page or the form shows an error (role="alert"); the caller asserts which.
 */
export async function submitLogin(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	if (
		new URL(page.url()).pathname !== '/inloggen' ||
		!(await page
			.getByLabel('E-mailadres')
			.isVisible()
			.catch(() => false))
	) {
		await page.goto('/inloggen');
	}
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(password);
	const posted = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/inloggen', { timeout: 15_000 });
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await posted;
	// The answer is in: wait until the browser has moved on, or the form is usable again (its error shown).
	await Promise.race([
		page.waitForURL((u) => u.pathname !== '/inloggen', { timeout: 15_000 }),
		page.waitForFunction(
			() => {
				const button = document.querySelector<HTMLButtonElement>('main form button[type="submit"]');
				return !!button && !button.disabled && document.readyState === 'complete';
			},
			undefined,
			{ timeout: 15_000 }
		)
	]);
}

/** Logs in through the form and waits until the browser has left /inloggen. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	await submitLogin(page, email, password);
	if (new URL(page.url()).pathname === '/inloggen') {
		const alert = await page
			.locator('main [role="alert"]')
			.innerText()
			.catch(() => '');
		throw new Error(`login as ${email} failed: ${alert || 'still on /inloggen'}`);
	}
	await page.waitForLoadState('load');
}

/**
 * Logs in over plain HTTP (a same-origin form post, as a browser without JavaScript sends it) and
 * returns the session cookie as `rp_session=…`, for tests that talk to the server without a browser.
 */
export async function loginOverHttp(email: string, password = DEMO_PASSWORD, base = baseURL()): Promise<{ cookie: string; location: string }> {
	const res = await fetch(new URL('/inloggen', base), {
		method: 'POST',
		redirect: 'manual',
		// Accept: text/html, as a browser sends it; without it SvelteKit answers the action with JSON.
		headers: { origin: new URL(base).origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams({ email, password, naar: '' })
	});
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith(`${SESSION_COOKIE}=`) && c.length > SESSION_COOKIE.length + 1);
	if (res.status !== 303 || !cookie) throw new Error(`HTTP login as ${email} failed: status ${res.status}`);
	return { cookie, location: res.headers.get('location') ?? '' };
}

/** The session cookie of a browser context, as a Cookie header value. */
export async function sessionCookieOf(page: Page): Promise<string> {
	const cookies = await page.context().cookies(baseURL());
	const c = cookies.find((x) => x.name === SESSION_COOKIE);
	if (!c) throw new Error('no session cookie in this browser context');
	return `${c.name}=${c.value}`;
}

// --- TOTP ------------------------------------------------------------------------------------------

const PERIOD_S = 30;
const lastStep = new Map<string, number>();

/**
 * A current code for `key`, never the same time step twice for one key (a server may refuse a code
 * it has already accepted): waits for the next 30-second step when needed.
 */
export async function freshTotp(key: Uint8Array): Promise<string> {
	const id = Buffer.from(key).toString('hex');
	let step = Math.floor(Date.now() / 1000 / PERIOD_S);
	if (lastStep.get(id) === step) {
		await new Promise((r) => setTimeout(r, (step + 1) * PERIOD_S * 1000 - Date.now() + 250));
		step = Math.floor(Date.now() / 1000 / PERIOD_S);
	}
	lastStep.set(id, step);
	return generateTOTP(key, PERIOD_S, 6);
}

function secretFromUri(html: string): string | undefined {
	const uri = /otpauth(?::|%3A)\/\/[^"'\s<>]+/i.exec(html)?.[0];
	if (!uri) return undefined;
	let decoded = uri;
	try {
		decoded = decodeURIComponent(uri);
	} catch {
		// keep it as it is
	}
	return /[?&]secret=([A-Z2-7]+)/i.exec(decoded)?.[1];
}

/** The TOTP secret as the set-up page shows it: base32 text (grouped or not), or an otpauth:// URI. */
export async function readTotpKey(page: Page): Promise<Uint8Array> {
	const text = await page.locator('main').innerText();
	const grouped = /(?<![A-Z2-7])((?:[A-Z2-7]{4}[ \u00a0]?){7}[A-Z2-7]{4,})(?![A-Z2-7])/.exec(text)?.[1];
	const secret = (grouped ?? secretFromUri(await page.content()))?.replace(/[\s\u00a0]/g, '').toUpperCase();
	if (!secret) throw new Error(`no TOTP key (base32 text) found on ${page.url()}`);
	return decodeBase32IgnorePadding(secret);
}

/** The code input: by name or autocomplete, else the text box whose label mentions a code. */
function codeField(page: Page) {
	return page
		.locator('main input[name="code"], main input[autocomplete="one-time-code"]')
		.or(page.locator('main').getByRole('textbox', { name: /code/i }))
		.first();
}

/** Types a fresh code into the page's code field and submits its form. */
export async function submitTotp(page: Page, key: Uint8Array): Promise<void> {
	const field = codeField(page);
	await field.fill(await freshTotp(key));
	const before = page.url();
	await field.press('Enter');
	// Done when the browser moves on, the form shows an error, or the form gives way (e.g. to recovery codes).
	await Promise.race([
		page.waitForURL((u) => u.toString() !== before, { timeout: 15_000 }),
		page.locator('main [role="alert"], main [role="status"]').first().waitFor({ timeout: 15_000 }),
		field.waitFor({ state: 'detached', timeout: 15_000 })
	]).catch(() => {});
	await page.waitForLoadState('load');
}

/**
 * TOTP enrolment at /account/tweestaps-instellen: reads the key the page shows as text, confirms it
 * with a code computed here, then opens "/" (giving the second factor again if the portal asks).
 * Returns the key for later logins.
 */
export async function enrolTotp(page: Page): Promise<Uint8Array> {
	if (new URL(page.url()).pathname !== '/account/tweestaps-instellen') await page.goto('/account/tweestaps-instellen');
	const key = await readTotpKey(page);
	await submitTotp(page, key);
	await page.goto('/');
	if (new URL(page.url()).pathname.startsWith('/inloggen/tweestaps')) await submitTotp(page, key);
	return key;
}

/** Password plus second factor for an account that has enrolled. */
export async function loginWithTotp(page: Page, email: string, key: Uint8Array): Promise<void> {
	await login(page, email);
	if (new URL(page.url()).pathname.startsWith('/inloggen/tweestaps')) await submitTotp(page, key);
}
