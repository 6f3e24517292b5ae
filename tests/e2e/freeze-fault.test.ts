/**
 * Fault proof of the freeze: two people edit an item's description (Node clients running the browser's own
 * Yjs provider); one types a sentence, and within a second after it is stored (before the item row's
 * snapshot is written) the server is killed with SIGKILL and started again on the same data. Then the
 * verkenner freezes the item and Leiden's college signs it in Chromium. The frozen version's text is what
 * both editors show, its SHA-256 is the hash the college signed, and it verifies.
 * Runs its own production server (`node server.js`, own DATA_DIR and port).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import type { Browser } from 'playwright-core';
import { fragmentToSnapshot } from '../../src/lib/server/modules/collaboration/html';
import { typeInto, eventually } from '../integration/collab/helpers';
import { syncedEditor } from './support/editor';
import { connectBrowser } from './support/browser';
import { email } from './support/accounts';
import { enrolTotp, login, loginOverHttp } from './support/auth';
import { openToSign, signAkkoord } from './support/signing';
import { freePort } from './support/server';
import { killableServer } from './support/killable-server';

const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-freeze-fault-'));
const server = killableServer(dataDir);
let port = 0;
let base = '';
let browser: Browser;
const editors: Awaited<ReturnType<typeof syncedEditor>>[] = [];

beforeAll(async () => {
	port = await freePort();
	base = `http://127.0.0.1:${port}`;
	await server.start(port);
	browser = await connectBrowser();
}, 120_000);

afterAll(async () => {
	for (const e of editors) e.close();
	await browser?.close();
	await server.kill();
	rmSync(dataDir, { recursive: true, force: true });
});

async function openEditor(cookie: string, itemId: string) {
	const editor = await syncedEditor(base, cookie, itemId);
	editors.push(editor);
	return editor;
}

const textOf = (doc: Y.Doc) => fragmentToSnapshot(doc.getXmlFragment('description')).text;

async function api(cookie: string, url: string) {
	const res = await fetch(new URL(url, base), { headers: { cookie } });
	expect(res.status, url).toBe(200);
	return res.json();
}

describe('the freeze after a crash', () => {
	it('versions exactly what every editor shows, and the college signs that text', async () => {
		const verkenner = await loginOverHttp(email('verkenner'), undefined, base);
		const member = await loginOverHttp(email('klankbord.leiden'), undefined, base);
		const overview = await api(verkenner.cookie, '/api/v1/items?status=in_bespreking&gemeente=leiden');
		const item = overview.ambitions
			.flatMap((a: { items: { id: string; status: string }[] }) => a.items)
			.find((i: { status: string }) => i.status === 'in_bespreking');
		expect(item).toBeTruthy();

		const a = await openEditor(verkenner.cookie, item.id);
		const b = await openEditor(member.cookie, item.id);
		const sentence = ` Vlak voor de storing getypt ${Date.now()}.`;
		typeInto(a.doc, 'description', sentence);
		// Stored (acknowledged) and relayed, but the item row's snapshot comes only after a two-second pause.
		await eventually(
			() => a.provider.status,
			(s) => s === 'saved'
		);
		await eventually(
			() => textOf(b.doc),
			(x) => x.includes(sentence.trim())
		);
		await server.kill();

		await server.start(port);
		// Both editors reconnect and agree.
		await eventually(
			() => [a.provider.status, b.provider.status].join(),
			(s) => s === 'saved,saved',
			30_000
		);
		const shown = textOf(a.doc);
		expect(shown).toContain(sentence.trim());
		expect(textOf(b.doc)).toBe(shown);

		// The verkenner freezes the item (the page's form action).
		const freeze = await fetch(new URL(`/agenda/${item.id}?/transition`, base), {
			method: 'POST',
			redirect: 'manual',
			headers: {
				cookie: verkenner.cookie,
				origin: base,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			},
			body: new URLSearchParams({ itemId: item.id, from: 'in_bespreking', to: 'gereed_voor_besluitvorming' })
		});
		expect((await freeze.json()).type).toBe('success');
		const versions = await api(verkenner.cookie, `/api/v1/items/${item.id}/versions`);
		const frozen = versions.versions.reduce((a: { number: number }, b: { number: number }) => (b.number > a.number ? b : a));
		expect(frozen.reason).toBe('status');
		const stored = await api(verkenner.cookie, `/api/v1/items/${item.id}/versions/${frozen.number}`);
		expect(stored.content.description.text).toBe(shown);
		expect(createHash('sha256').update(stored.canonical).digest('hex')).toBe(stored.contentHash);

		// Leiden's college signs in the browser, on the version it is shown.
		const context = await browser.newContext({ baseURL: base, locale: 'nl-NL' });
		try {
			const page = await context.newPage();
			await login(page, email('college.leiden'));
			const key = await enrolTotp(page);
			await openToSign(page, `/agenda/${item.id}`, key);
			expect(await page.getByTestId('signoff-form').getByTestId('signoff-version').innerText()).toContain(stored.contentHash.slice(0, 12));
			await signAkkoord(page, 'Z/26/777');
			await expect.poll(() => page.getByTestId('signoffs').locator('li[data-municipality]').count(), { timeout: 15_000 }).toBe(1);
		} finally {
			await context.close();
		}
		const decisions = await api(verkenner.cookie, `/api/v1/items/${item.id}/decisions`);
		expect(decisions.signOffs[0]).toMatchObject({ version: { number: frozen.number, contentHash: stored.contentHash }, verified: true, valid: true });
		// The editors still show the signed text.
		expect(textOf(a.doc)).toBe(stored.content.description.text);
		expect(textOf(b.doc)).toBe(stored.content.description.text);
	}, 240_000);
});
