import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { listPageCacheHandle } from '../../../src/lib/server/http/list-page-cache';

/**
 * The signed-in list pages are rendered once per session, language, address and data version; every
 * response gets its own script nonce. The database side (a committed write gives a new dataVersion) is in
 * tests/integration/auth/data-version.test.ts.
 */
let sessions = 0;
const newSession = () => `session-${++sessions}-${Math.random()}`;

function event(opts: { session: string; dataVersion: string; path?: string; route?: string; method?: string; stage?: 'ok' | 'two_factor' }): RequestEvent {
	const url = `http://localhost${opts.path ?? '/agenda'}`;
	return {
		request: new Request(url, { method: opts.method ?? 'GET' }),
		url: new URL(url),
		route: { id: opts.route ?? '/(app)/agenda' },
		locals: { dataVersion: opts.dataVersion, authSession: { id: opts.session }, authStage: opts.stage ?? 'ok' }
	} as unknown as RequestEvent;
}

/** A renderer that counts its renders and answers as SvelteKit does: a nonce in the header and the scripts. */
function renderer(opts: { status?: number; cookies?: string[] } = {}) {
	let renders = 0;
	const resolve = async () => {
		renders++;
		const nonce = `nonce${renders}abc==`;
		const headers = new Headers({ 'content-type': 'text/html', 'content-security-policy': `script-src 'self' 'nonce-${nonce}'`, etag: `"e${renders}"` });
		for (const cookie of opts.cookies ?? [`rp_session=token; Path=/; Expires=Wed, 09 Dec 2026 10:00:00 GMT; HttpOnly`]) headers.append('set-cookie', cookie);
		const body = `<html><body><h1>Agenda — render ${renders}</h1><script nonce="${nonce}">start()</script></body></html>`;
		return new Response(body, { status: opts.status ?? 200, headers });
	};
	return { resolve, renders: () => renders };
}

const nonceIn = (res: Response) => res.headers.get('content-security-policy')!.match(/'nonce-([^']+)'/)![1];

async function ask(e: RequestEvent, r: ReturnType<typeof renderer>) {
	const res = await listPageCacheHandle({ event: e, resolve: r.resolve });
	return { res, html: await res.text() };
}

describe('the list pages of a signed-in person', () => {
	it('are rendered once per dataVersion, each response with a new nonce in its header and its scripts', async () => {
		const r = renderer();
		const session = newSession();
		const first = await ask(event({ session, dataVersion: '10' }), r);
		const again = await ask(event({ session, dataVersion: '10' }), r);
		expect(r.renders()).toBe(1);
		expect(again.html.replace(nonceIn(again.res), 'N')).toBe(first.html.replace(nonceIn(first.res), 'N'));
		expect(nonceIn(again.res)).not.toBe(nonceIn(first.res));
		expect(again.html).toContain(`<script nonce="${nonceIn(again.res)}">`);
		expect(again.res.headers.getSetCookie()).toEqual(first.res.headers.getSetCookie());
		expect(again.res.headers.get('etag')).toBeNull();
		expect(Number(again.res.headers.get('content-length'))).toBe(Buffer.byteLength(again.html));
	});

	it('are rendered again at a new data version (anything committed since), and never served to another session', async () => {
		const r = renderer();
		const session = newSession();
		await ask(event({ session, dataVersion: '20' }), r);
		const changed = await ask(event({ session, dataVersion: '21' }), r);
		expect(changed.html).toContain('render 2');
		const other = await ask(event({ session: newSession(), dataVersion: '21' }), r);
		expect(other.html).toContain('render 3');
		const otherList = await ask(event({ session, dataVersion: '21', path: '/standpunten', route: '/(app)/standpunten' }), r);
		expect(otherList.html).toContain('render 4');
		expect(r.renders()).toBe(4);
	});

	it('render the same page asked for at once only once', async () => {
		const r = renderer();
		const session = newSession();
		const answers = await Promise.all(Array.from({ length: 5 }, () => ask(event({ session, dataVersion: '30' }), r)));
		expect(r.renders()).toBe(1);
		expect(new Set(answers.map((a) => nonceIn(a.res))).size).toBe(5);
	});

	it('keep nothing but complete list pages of a complete login, and nothing with another cookie', async () => {
		const cases: [RequestEvent, ReturnType<typeof renderer>][] = [
			[event({ session: newSession(), dataVersion: '40', route: '/(app)/agenda/[id]', path: '/agenda/x' }), renderer()],
			[event({ session: newSession(), dataVersion: '40', method: 'HEAD' }), renderer()],
			[event({ session: newSession(), dataVersion: '40', stage: 'two_factor' }), renderer()],
			[event({ session: newSession(), dataVersion: '40' }), renderer({ status: 404 })],
			[event({ session: newSession(), dataVersion: '40' }), renderer({ cookies: ['rp_session=t; Path=/', 'other=1; Path=/'] })]
		];
		for (const [e, r] of cases) {
			await ask(e, r);
			await ask(e, r);
			expect(r.renders()).toBe(2);
		}
	});
});
