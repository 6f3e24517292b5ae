/**
 * What an outside probe found, replayed against a production server of its own (so its log can be read):
 * no login link leads to another site, no odd input from a stranger is a 500 (each a 4xx with a Dutch
 * message, nothing stored), every unexpected error is one log line with the id the page shows, and cookies
 * over plain HTTP carry no Secure attribute.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { email, DEMO_PASSWORD } from './support/accounts';
import { loginOverHttp } from './support/auth';
import { startServer, type RunningServer } from './support/server';

const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-probe-'));
let server: RunningServer;
let verkenner: string;

beforeAll(async () => {
	server = await startServer({ dataDir });
	({ cookie: verkenner } = await loginOverHttp(email('verkenner'), DEMO_PASSWORD, server.url));
});
afterAll(async () => {
	await server?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

const url = (p: string) => new URL(p, server.url).toString();
const own = () => server.url;
const formHeaders = (cookie = '') => ({
	origin: own(),
	'content-type': 'application/x-www-form-urlencoded',
	accept: 'text/html',
	...(cookie ? { cookie } : {})
});
/** A form post as a browser without JavaScript sends it; `body` as raw urlencoded text, so any bytes go through. */
const post = (p: string, body: string, cookie = '') => fetch(url(p), { method: 'POST', redirect: 'manual', headers: formHeaders(cookie), body });
const get = (p: string, cookie = '', accept = 'text/html') => fetch(url(p), { redirect: 'manual', headers: { accept, ...(cookie ? { cookie } : {}) } });
const enc = encodeURIComponent;
const credentials = (account: string) => `email=${enc(email(account))}&password=${enc(DEMO_PASSWORD)}`;

/** Where a browser goes with this Location header: it resolves it against the page, as here. */
const landsOn = (res: Response) => new URL(res.headers.get('location') ?? '', url('/inloggen'));

describe('open redirect after login', () => {
	const tricks = [
		'/\t/evil.example/',
		'//evil.example/',
		'/\\evil.example',
		'\\/evil.example',
		'https://evil.example/',
		'javascript:alert(1)',
		'/.//evil.example',
		'/\r\n/evil.example'
	];

	it.each(tricks)('the login form with naar=%j stays on the portal', async (naar) => {
		const res = await post('/inloggen', `${credentials('griffie.leiden')}&naar=${enc(naar)}`);
		expect(res.status).toBe(303);
		expect(landsOn(res).origin).toBe(own());
		expect(res.headers.get('location')).toBe('/');
	});

	it('an already logged-in visitor of /inloggen?naar=%2F%09%2Fevil.example%2F (one click) stays on the portal', async () => {
		const { cookie } = await loginOverHttp(email('griffie.leiden'), DEMO_PASSWORD, server.url);
		const res = await get('/inloggen?naar=%2F%09%2Fevil.example%2F', cookie);
		expect(res.status).toBe(303);
		expect(landsOn(res).origin).toBe(own());
	});

	it.each(tricks)('the language switch with naar=%j stays on the portal', async (naar) => {
		const res = await post('/taal', `locale=nl&naar=${enc(naar)}`);
		expect(res.status).toBe(303);
		expect(landsOn(res).origin).toBe(own());
	});

	it('an ordinary naar is kept, a non-ASCII one encoded: never a 500', async () => {
		expect((await post('/taal', `locale=nl&naar=${enc('/agenda?status=concept#lijst')}`)).headers.get('location')).toBe('/agenda?status=concept#lijst');
		const res = await post('/taal', `locale=nl&naar=${enc('/zoek/café\n')}`);
		expect(res.status).toBe(303);
		expect(landsOn(res).origin).toBe(own());
		const login = await post('/inloggen', `${credentials('griffie.leiden')}&naar=${enc('/agenda/ü')}`);
		expect(login.status).toBe(303);
		expect(login.headers.get('location')).toBe('/agenda/%C3%BC');
	});
});

describe('odd input from a stranger: a 4xx in Dutch, never a 500, nothing stored', () => {
	it('`__proto__[]` and `email[]` next to email on the login form: the usual Dutch refusal', async () => {
		const answers = {
			'__proto__[]=x': 'Het e-mailadres of wachtwoord klopt niet.',
			'constructor[]=x&toString[]=y': 'Het e-mailadres of wachtwoord klopt niet.',
			'email[]=x': 'Niet alle velden zijn goed ingevuld.'
		};
		for (const [extra, message] of Object.entries(answers)) {
			const res = await post('/inloggen', `email=${enc(email('griffie.leiden'))}&password=fout&${extra}`);
			expect(res.status, extra).toBe(400);
			expect(await res.text()).toContain(message);
		}
	});

	it('a NUL in a new item title: 400 with the Dutch message, and no item stored', async () => {
		const title = `Probe ${randomUUID().slice(0, 8)}`;
		const res = await post('/agenda/nieuw', `title=${enc(title)}%00&ambitionId=1&horizon=voor_verkiezingen&summary=x`, verkenner);
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('bevat een teken dat niet is toegestaan');
		const list = await (await get(`/api/v1/items?q=${enc(title)}`, verkenner, 'application/json')).json();
		expect(list.matching).toBe(0);
	});

	it('an escape character (another control character) in a title is refused the same way', async () => {
		const res = await post('/agenda/nieuw', 'title=Titel%1B%5B31m&ambitionId=1&horizon=voor_verkiezingen', verkenner);
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('bevat een teken dat niet is toegestaan');
	});

	it('a NUL in the search of the agenda page and the API: 400 with a Dutch message', async () => {
		const page = await get('/agenda?q=a%00b', verkenner);
		expect(page.status).toBe(400);
		expect(await page.text()).toContain('Dit adres bevat een teken dat niet is toegestaan');
		const api = await get('/api/v1/items?q=a%00b', verkenner, 'application/json');
		expect(api.status).toBe(400);
		expect((await api.json()).message).toMatch(/^Dit adres bevat een teken dat niet is toegestaan/);
		expect((await get('/agenda/%00', verkenner)).status).toBe(400);
	});

	it('a NUL in a comment over the socket: refused with the Dutch reason, nothing stored', async () => {
		const items = await (await get('/api/v1/items', verkenner, 'application/json')).json();
		const itemId: string = items.ambitions.flatMap((a: { items: { id: string }[] }) => a.items)[0].id;
		const s: Socket = io(server.url, { transports: ['websocket'], extraHeaders: { origin: own(), cookie: verkenner }, reconnection: false, forceNew: true });
		try {
			await new Promise<void>((resolve, reject) => (s.once('connect', () => resolve()), s.once('connect_error', reject)));
			const id = randomUUID();
			const send = (body: string) =>
				new Promise<{ ok: boolean; code?: string; error?: string }>((resolve) => s.emit('comment:post', { id, itemId, body }, resolve));
			for (const body of ['Hallo\u0000wereld', 'half \ud800 teken']) {
				expect(await send(body)).toMatchObject({
					ok: false,
					code: 'validation_forbidden_characters',
					error: expect.stringContaining('bevat een teken dat niet is toegestaan')
				});
			}
			const comments = await (await get(`/api/v1/items/${itemId}/comments`, verkenner, 'application/json')).json();
			expect(JSON.stringify(comments)).not.toContain(id);
		} finally {
			s.disconnect();
		}
	});

	it('`?/default` (the reserved action name) is a 400, not a server fault', async () => {
		const res = await post('/inloggen?/default', credentials('griffie.leiden'));
		expect(res.status).toBe(400);
	});
});

describe('socket handshake origin', () => {
	it('the https origin of the same host is refused by a server that speaks plain http', async () => {
		const s = io(server.url, {
			transports: ['websocket'],
			extraHeaders: { origin: own().replace('http:', 'https:'), cookie: verkenner },
			reconnection: false,
			forceNew: true
		});
		const outcome = await new Promise<string>((resolve) => (s.once('connect', () => resolve('connected')), s.once('connect_error', () => resolve('refused'))));
		s.disconnect();
		expect(outcome).toBe('refused');
	});
});

describe('errors: one log line with an id, the id on the page', () => {
	it('an unknown page shows an error id that appears in exactly one log line, without a stack', async () => {
		const res = await get('/bestaat-niet-probe', verkenner);
		expect(res.status).toBe(404);
		const id = /data-error-id="([0-9a-f]{8})"/.exec(await res.text())?.[1];
		expect(id, 'error id on the page').toBeDefined();
		const lines = server
			.output()
			.split('\n')
			.filter((l) => l.includes(id!));
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(new RegExp(`^fout ${id} 404 GET /bestaat-niet-probe: `));
	});

	it('all the probes above wrote no stack trace and no 500 to the log', () => {
		const out = server.output();
		expect(out).not.toMatch(/^\s+at /m);
		expect(out).not.toMatch(/ 500 /);
	});
});

describe('cookies over plain HTTP', () => {
	it('the language cookie and the session cookie carry no Secure attribute, so the browser keeps them', async () => {
		const res = await post('/taal', 'locale=en&naar=%2F');
		const lang = res.headers.getSetCookie().find((c) => c.startsWith('PARAGLIDE_LOCALE=en'));
		expect(lang).toBeDefined();
		expect(lang!.toLowerCase()).not.toContain('secure');
		const login = await post('/inloggen', credentials('griffie.leiden'));
		const session = login.headers.getSetCookie().find((c) => c.startsWith('rp_session='));
		expect(session!.toLowerCase()).not.toContain('secure');
		const cookie = session!.split(';')[0];
		const logout = await fetch(url('/uitloggen'), { method: 'POST', redirect: 'manual', headers: { origin: own(), cookie } });
		const cleared = logout.headers.getSetCookie().find((c) => c.startsWith('rp_session='));
		expect(cleared!.toLowerCase()).not.toContain('secure');
	});
});
