/**
 * In a real browser: comments that carry script never run and show as text (XSS corpus); two
 * browsers on one item: one posts while the other is typing a reply, the reply stays intact and in place,
 * the new comment shows, "… typt" is shown; internal comments stay inside their municipality.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connectBrowser, newContext } from './support/browser';
import { email } from './support/accounts';
import { login, sessionCookieOf } from './support/auth';
import { urlOf } from './support/context';
import { postComment, commentsRegion } from './support/item-page';

let browser: Browser;
const contexts: BrowserContext[] = [];
let itemPath = '';

async function pageAs(account: string): Promise<Page> {
	const context = await newContext(browser);
	contexts.push(context);
	const page = await context.newPage();
	await login(page, email(account));
	return page;
}

const comments = commentsRegion;

async function openItem(p: Page) {
	await p.goto(itemPath);
	await comments(p).waitFor({ state: 'visible', timeout: 20_000 });
	await p.locator('.connection[data-state="connected"]').waitFor({ timeout: 20_000 });
}

beforeAll(async () => {
	browser = await connectBrowser();
	const p = await pageAs('verkenner');
	await p.goto('/agenda');
	const href = await p
		.locator('main a[href^="/agenda/"]')
		.evaluateAll((els) => els.map((e) => e.getAttribute('href')).filter((h) => /^\/agenda\/[0-9a-f-]{36}$/.test(h ?? '')));
	// the last item: other test files use the first
	itemPath = href.at(-1) as string;
	if (!itemPath) throw new Error('no agenda item in the demo data');
	await p.close();
}, 60_000);

afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
});

describe('comments in the browser', () => {
	it('an XSS corpus posted as comments never runs and is shown as text', async () => {
		const p = await pageAs('klankbord.oegstgeest');
		const dialogs: string[] = [];
		p.on('dialog', (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		await openItem(p);
		const corpus = [
			'<script>alert("xss-script")</script>',
			'<img src=x onerror=alert("xss-img")>',
			'<svg onload=alert("xss-svg")><circle r="5"/></svg>',
			'<svg><script>alert("xss-svg-script")</script></svg>',
			'[klik hier](javascript:alert("xss-link"))',
			'<a href="javascript:alert(\'xss-a\')">klik</a>',
			'<iframe src="javascript:alert(`xss-iframe`)"></iframe>',
			'<div onmouseover="alert(\'xss-hover\')">beweeg</div>',
			'[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
			'"><img src=x onerror=alert("xss-attr")>'
		];
		for (const payload of corpus) await postComment(p, payload);
		await expect.poll(() => comments(p).locator('article.comment').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(corpus.length);
		await p.reload();
		await comments(p).waitFor();
		const region = comments(p);
		await region.locator('article.comment').last().hover();
		await p.waitForTimeout(500);
		expect(
			await region
				.locator('.comment-body script, .comment-body img, .comment-body svg, .comment-body iframe, .comment-body [onmouseover], .comment-body [onerror]')
				.count()
		).toBe(0);
		expect(await region.locator('.comment-body a[href^="javascript:"], .comment-body a[href^="data:"]').count()).toBe(0);
		const text = await region.innerText();
		expect(text).toContain('<script>alert("xss-script")</script>');
		expect(text).toContain('<img src=x onerror=alert("xss-img")>');
		expect(text).toContain('<svg onload=alert("xss-svg")>');
		expect(dialogs).toEqual([]);
	}, 120_000);

	it('one browser posts while the other types a reply: the reply stays intact and in place, the new comment shows', async () => {
		const a = await pageAs('verkenner');
		const b = await pageAs('klankbord.leiden');
		await Promise.all([openItem(a), openItem(b)]);
		const question = `Vraag van de verkenner ${Date.now()}`;
		await postComment(a, question);
		const thread = (p: Page) =>
			comments(p)
				.getByRole('listitem', { name: /Discussie gestart door/ })
				.filter({ hasText: question });
		await thread(b).waitFor({ timeout: 20_000 });

		await thread(b).getByRole('button', { name: 'Beantwoorden' }).click();
		const reply = thread(b).getByLabel('Uw antwoord');
		const draft = 'Mijn half getypte antwoord, met een tweede zin die nog';
		await reply.click();
		await reply.pressSequentially(draft, { delay: 5 });
		// A sees that someone is typing
		await comments(a).getByText(/typt…/).first().waitFor({ timeout: 10_000 });
		const before = await reply.boundingBox();

		const live = `Nieuwe reactie terwijl u typt ${Date.now()}`;
		await postComment(a, live);
		await thread(a).getByRole('button', { name: 'Beantwoorden' }).click();
		await thread(a).getByLabel('Uw antwoord').fill('Een antwoord van de verkenner in dezelfde discussie');
		await thread(a).getByRole('button', { name: 'Antwoord plaatsen' }).click();

		await comments(b).getByText(live).waitFor({ timeout: 20_000 });
		await thread(b).getByText('Een antwoord van de verkenner in dezelfde discussie').waitFor({ timeout: 20_000 });
		expect(await reply.inputValue()).toBe(draft);
		expect(await reply.evaluate((el) => el === document.activeElement)).toBe(true);
		const after = await reply.boundingBox();
		expect(Math.abs((after?.y ?? 0) - (before?.y ?? 0))).toBeLessThan(2);
		// the live region announced it
		expect(await comments(b).locator('[role="status"][aria-live="polite"]').first().innerText()).toContain('Nieuwe reactie van');

		await reply.pressSequentially(' af is.');
		await thread(b).getByRole('button', { name: 'Antwoord plaatsen' }).click();
		await thread(a).getByText(`${draft} af is.`).waitFor({ timeout: 20_000 });
	}, 120_000);

	it('an internal comment is invisible to other municipalities in the page, the API and the socket', async () => {
		const l = await pageAs('klankbord.leiden');
		const o = await pageAs('klankbord.oegstgeest');
		await Promise.all([openItem(l), openItem(o)]);
		const secret = `Intern Leids standpunt ${Date.now()}`;
		await comments(l).getByLabel('Zichtbaarheid').selectOption({ label: 'Intern: alleen Leiden' });
		await postComment(l, secret);
		await comments(l).getByText(secret).waitFor({ timeout: 20_000 });
		const shared = `Gedeeld daarna ${Date.now()}`;
		await comments(l).getByLabel('Zichtbaarheid').selectOption({ label: 'Gedeeld met iedereen die dit agendapunt kan zien' });
		await postComment(l, shared);
		await comments(o).getByText(shared).waitFor({ timeout: 20_000 });
		expect(await comments(o).getByText(secret).count()).toBe(0);
		await o.reload();
		await comments(o).waitFor();
		expect(await o.content()).not.toContain(secret);
		const id = itemPath.split('/').pop();
		const api = await fetch(urlOf(`/api/v1/items/${id}/comments`), { headers: { cookie: await sessionCookieOf(o) } });
		expect(api.status).toBe(200);
		expect(await api.text()).not.toContain(secret);
		const apiLeiden = await fetch(urlOf(`/api/v1/items/${id}/comments`), { headers: { cookie: await sessionCookieOf(l) } });
		expect(await apiLeiden.text()).toContain(secret);
	}, 120_000);

	it("the agenda overview counts unread comments live: shared ones from others, never another municipality's internal ones", async () => {
		const reader = await pageAs('klankbord.oegstgeest');
		const leiden = await pageAs('klankbord.leiden');
		const writer = await pageAs('verkenner');
		await reader.goto('/agenda');
		await reader.locator('.connection[data-state="connected"]').waitFor({ timeout: 20_000 });
		const entry = reader.locator('main li', { has: reader.locator(`a.item-title[href="${itemPath}"]`) });
		const unread = async () => Number((await entry.locator('[data-testid="unread"]').allInnerTexts())[0]?.match(/\d+/)?.[0] ?? 0);
		const before = await unread();
		await reader.evaluate(() => ((window as unknown as { stay: boolean }).stay = true));

		await openItem(leiden);
		await comments(leiden).getByLabel('Zichtbaarheid').selectOption({ label: 'Intern: alleen Leiden' });
		await postComment(leiden, `Intern, telt niet voor Oegstgeest ${Date.now()}`);
		await openItem(writer);
		await postComment(writer, `Gedeeld, telt wel ${Date.now()}`);

		await expect.poll(unread, { timeout: 20_000 }).toBe(before + 1);
		await reader.waitForTimeout(1000);
		expect(await unread()).toBe(before + 1);
		// live, not by reloading the page; and announced politely
		expect(await reader.evaluate(() => (window as unknown as { stay?: boolean }).stay)).toBe(true);
		expect(await reader.locator('[role="status"][aria-live="polite"]', { hasText: 'Nieuwe reactie bij' }).count()).toBe(1);
		// opening the item reads it: back on the overview the count is gone
		await reader.goto(itemPath);
		await comments(reader).waitFor();
		await reader.goto('/agenda');
		expect(await unread()).toBe(0);
	}, 120_000);

	it('an anchored comment stays on its passage while the other browser edits the text, and shows detached when it is gone', async () => {
		const a = await pageAs('verkenner');
		const b = await pageAs('klankbord.leiderdorp');
		await Promise.all([openItem(a), openItem(b)]);
		const editor = (p: Page) => p.getByRole('region', { name: 'Beschrijving' }).locator('.collab-editor');
		for (const p of [a, b])
			await p.waitForFunction(() => document.querySelector('.collab-editor')?.getAttribute('contenteditable') === 'true', undefined, { timeout: 20_000 });
		const word = `ANKER${Date.now()}`;
		await editor(a).click();
		await a.keyboard.press('Control+End');
		await a.keyboard.type(` Hier staat ${word} in de tekst.`);
		await b.waitForFunction((w) => document.querySelector('.collab-editor')?.textContent?.includes(w), word, { timeout: 20_000 });

		// A selects the word in the editor and comments on it
		await a.evaluate((w) => {
			const root = document.querySelector('.collab-editor') as HTMLElement;
			const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				const i = n.textContent?.indexOf(w) ?? -1;
				if (i >= 0) {
					root.focus();
					window.getSelection()?.setBaseAndExtent(n, i, n, i + w.length);
					document.dispatchEvent(new Event('selectionchange'));
					return;
				}
			}
			throw new Error('word not found');
		}, word);
		await a.waitForTimeout(300);
		await comments(a).getByRole('button', { name: 'Reageren op de geselecteerde tekst in Beschrijving' }).click();
		await comments(a).locator('.selected-anchor').getByText(word).waitFor();
		const remark = `Klopt dit getal? ${Date.now()}`;
		await postComment(a, remark);
		const anchored = (p: Page) =>
			comments(p)
				.getByRole('listitem', { name: /Discussie gestart door/ })
				.filter({ hasText: remark })
				.locator('blockquote.anchor');
		await anchored(b).waitFor({ timeout: 20_000 });
		await expect.poll(() => anchored(b).getAttribute('data-anchor-state'), { timeout: 10_000 }).toBe('attached');
		// The passage is highlighted in both co-editors: a <mark> decoration holding exactly the anchored text
		const highlighted = (p: Page) => editor(p).locator('mark.comment-anchor');
		for (const p of [a, b]) await expect.poll(() => highlighted(p).allInnerTexts(), { timeout: 10_000 }).toEqual([word]);

		// B writes before the passage: the anchor follows it
		await editor(b).click();
		await b.keyboard.press('Control+Home');
		await b.keyboard.type('Vooraf ingevoegd. ');
		await a.waitForFunction(() => document.querySelector('.collab-editor')?.textContent?.startsWith('Vooraf ingevoegd.'), undefined, { timeout: 20_000 });
		for (const p of [a, b]) {
			await expect.poll(() => anchored(p).getAttribute('data-anchor-state')).toBe('attached');
			expect(await anchored(p).locator('q').innerText()).toBe(word);
			// still highlighted, on the same words, after the text before it changed
			await expect.poll(() => highlighted(p).allInnerTexts(), { timeout: 10_000 }).toEqual([word]);
		}
		// Showing the passage from the thread emphasises it (and scrolls it into view)
		await comments(b)
			.getByRole('listitem', { name: /Discussie gestart door/ })
			.filter({ hasText: remark })
			.getByRole('button', { name: 'Toon de passage in Beschrijving' })
			.click();
		await expect.poll(() => highlighted(b).getAttribute('class')).toContain('is-active');
		await expect
			.poll(() =>
				highlighted(b).evaluate((el) => {
					const r = el.getBoundingClientRect();
					return r.top >= 0 && r.bottom <= window.innerHeight;
				})
			)
			.toBe(true);

		// B deletes the passage: the thread stays, detached, with the quote
		await b.evaluate((w) => {
			const root = document.querySelector('.collab-editor') as HTMLElement;
			const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				const i = n.textContent?.indexOf(w) ?? -1;
				if (i >= 0) {
					root.focus();
					window.getSelection()?.setBaseAndExtent(n, i, n, i + w.length);
					document.dispatchEvent(new Event('selectionchange'));
					return;
				}
			}
		}, word);
		await b.waitForTimeout(300);
		await b.keyboard.press('Backspace');
		await a.waitForFunction((w) => !document.querySelector('.collab-editor')?.textContent?.includes(w), word, { timeout: 20_000 });
		for (const p of [a, b]) {
			await expect.poll(() => anchored(p).getAttribute('data-anchor-state'), { timeout: 10_000 }).toBe('detached');
			await expect.poll(() => highlighted(p).count()).toBe(0);
			expect(await anchored(p).innerText()).toContain(word);
			expect(await anchored(p).innerText()).toContain('niet meer in de tekst');
		}
	}, 120_000);
});
