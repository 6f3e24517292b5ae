/**
 * The item page as a workplace, in Chromium at 1280 px: the texts and their comments side by side (anchored
 * comments in the order of their passages), "Op deze pagina" links that reach every section, decisions and
 * history in tabs (by keyboard and by address, also the addresses mails and notifications use), the reply box
 * focused after choosing to comment on a selected passage, presence per text field, and a connection indicator
 * that never says "Opnieuw verbinden…" on a normal load. At 390 px the page stacks without horizontal
 * scrolling; axe finds nothing at either size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connectBrowser } from './support/browser';
import { baseURL } from './support/context';
import { email } from './support/accounts';
import { login } from './support/auth';
import { expectNoAxeViolations } from './support/axe';
import { commentsRegion, openDecisionsTab, postComment, selectInEditor, untilEditorShows } from './support/item-page';

let browser: Browser;
const contexts: BrowserContext[] = [];
let itemPath = '';

async function pageAs(account: string, width = 1280): Promise<Page> {
	const context = await browser.newContext({ baseURL: baseURL(), locale: 'nl-NL', viewport: { width, height: width > 500 ? 900 : 844 } });
	contexts.push(context);
	const page = await context.newPage();
	await login(page, email(account));
	return page;
}

/** Opens the item and waits until its live connection and its (editable) description editor are there. */
async function openItem(p: Page, hash = '') {
	await p.goto(itemPath + hash);
	await p.locator('.connection[data-state="connected"]').waitFor({ timeout: 20_000 });
	await p.getByRole('tablist').waitFor();
}
async function untilEditable(p: Page) {
	await p.waitForFunction(() => document.querySelector('.collab-editor')?.getAttribute('contenteditable') === 'true', undefined, { timeout: 20_000 });
}
const editor = (p: Page, field: string) => p.getByRole('region', { name: field }).locator('.collab-editor');
const tab = (p: Page, name: string) => p.getByRole('tab', { name });
/** Whether the element is (at least partly) in view: the page is several screens long, so it was brought there. */
const inViewport = (p: Page, selector: string) =>
	p.locator(selector).evaluate((el) => {
		const r = el.getBoundingClientRect();
		return r.height > 0 && r.bottom > 0 && r.top < window.innerHeight;
	});

/** What sticks out to the right of the screen (not counting what scrolls inside its own box), for a failure message. */
const widerThanScreen = (p: Page) =>
	p.evaluate(() =>
		[...document.querySelectorAll('body *')]
			.filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.parentElement?.closest('.table-scroll'))
			.slice(0, 5)
			.map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`)
			.join(', ')
	);

beforeAll(async () => {
	browser = await connectBrowser();
	const p = await pageAs('verkenner');
	await p.goto('/agenda');
	const hrefs = await p
		.locator('main a[href^="/agenda/"]')
		.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? '').filter((h) => /^\/agenda\/[0-9a-f-]{36}$/.test(h)));
	// An item whose texts are still co-edited (not frozen for decision-making); not the first (co-editing tests use it).
	for (const href of hrefs.slice(1)) {
		const html = await (await p.request.get(href)).text();
		if (!html.includes('data-frozen-field')) {
			itemPath = href;
			break;
		}
	}
	if (!itemPath) throw new Error('no item with editable texts in the demo data');
	await p.close();
}, 60_000);

afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
});

describe('the item page at 1280 px', () => {
	it('shows the texts and their comments side by side', async () => {
		const p = await pageAs('verkenner');
		await openItem(p);
		const text = await p.getByRole('region', { name: 'Beschrijving' }).boundingBox();
		const comments = await commentsRegion(p).boundingBox();
		if (!text || !comments) throw new Error('texts or comments not shown');
		expect(comments.x, 'the comments are to the right of the text').toBeGreaterThanOrEqual(text.x + text.width);
		expect(comments.y, 'the comments start beside the text, not below it').toBeLessThan(text.y + text.height);
		expect(comments.width).toBeGreaterThan(250);
		expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
		await expectNoAxeViolations(p);
	});

	it('"Op deze pagina" links bring each section into view, also one in another tab', async () => {
		const p = await pageAs('verkenner');
		await openItem(p);
		const nav = p.getByRole('navigation', { name: 'Op deze pagina' });
		await nav.getByRole('link', { name: 'Versies' }).click();
		await expect.poll(() => tab(p, 'Geschiedenis').getAttribute('aria-selected')).toBe('true');
		await expect.poll(() => inViewport(p, '#kop-versies')).toBe(true);
		await nav.getByRole('link', { name: 'Documenten' }).click();
		await expect.poll(() => tab(p, 'Inhoud en reacties').getAttribute('aria-selected')).toBe('true');
		await expect.poll(() => inViewport(p, '#kop-documenten')).toBe(true);
		await nav.getByRole('link', { name: 'Standpunten en besluitvorming' }).click();
		await expect.poll(() => inViewport(p, '#kop-besluiten')).toBe(true);
	});

	it('chooses decisions and history in tabs with the arrow keys, and the address names the tab', async () => {
		const p = await pageAs('verkenner');
		await openItem(p);
		expect(await tab(p, 'Inhoud en reacties').getAttribute('aria-selected')).toBe('true');
		expect(await p.locator('#kop-besluiten').isVisible()).toBe(false);
		await tab(p, 'Inhoud en reacties').focus();
		await p.keyboard.press('ArrowRight');
		expect(await p.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Besluitvorming');
		expect(await tab(p, 'Besluitvorming').getAttribute('aria-selected')).toBe('true');
		expect(await p.getByRole('tabpanel', { name: 'Besluitvorming' }).isVisible()).toBe(true);
		expect(await p.locator('#kop-besluiten').isVisible()).toBe(true);
		expect(new URL(p.url()).hash).toBe('#besluitvorming');
		await p.keyboard.press('End');
		expect(await tab(p, 'Geschiedenis').getAttribute('aria-selected')).toBe('true');
		expect(await p.locator('#kop-versies').isVisible()).toBe(true);
		await p.keyboard.press('ArrowRight');
		expect(await tab(p, 'Inhoud en reacties').getAttribute('aria-selected')).toBe('true');
		expect(await p.locator('#kop-versies').isVisible()).toBe(false);
		// Only the chosen tab is in the tab order
		expect(await p.getByRole('tab').evaluateAll((els) => els.map((e) => e.getAttribute('tabindex')))).toEqual(['0', '-1', '-1']);
		await openDecisionsTab(p);
		await expectNoAxeViolations(p);
	});

	it('opens the tab an address names: its own, a section heading in it (mails, notifications) or a comment', async () => {
		const p = await pageAs('verkenner');
		await openItem(p);
		const body = `Een reactie om naar te linken ${Date.now()}`;
		await postComment(p, body);
		const id = await commentsRegion(p).locator('article.comment', { hasText: body }).getAttribute('id');
		await openItem(p, '#geschiedenis');
		expect(await tab(p, 'Geschiedenis').getAttribute('aria-selected')).toBe('true');
		await openItem(p, '#kop-besluiten');
		expect(await tab(p, 'Besluitvorming').getAttribute('aria-selected')).toBe('true');
		await expect.poll(() => inViewport(p, '#kop-besluiten')).toBe(true);
		await openItem(p, '#kop-versies');
		expect(await tab(p, 'Geschiedenis').getAttribute('aria-selected')).toBe('true');
		await openItem(p, '#besluitvorming');
		await openItem(p, `#${id}`);
		expect(await tab(p, 'Inhoud en reacties').getAttribute('aria-selected')).toBe('true');
		await expect.poll(() => inViewport(p, `#${id}`)).toBe(true);
	});

	it('moves focus into the reply box after choosing to comment on a selected passage, and orders anchored comments by their passage', async () => {
		const p = await pageAs('verkenner');
		await openItem(p);
		await untilEditable(p);
		const stamp = Date.now();
		const [early, late] = [`VROEG${stamp}`, `LAAT${stamp}`];
		await editor(p, 'Beschrijving').click();
		await p.keyboard.press('Control+Home');
		await p.keyboard.type(`${early} `);
		await p.keyboard.press('Control+End');
		await p.keyboard.type(` ${late}`);
		await untilEditorShows(p, early, late);

		const commentOn = async (word: string, remark: string) => {
			await expect
				.poll(async () => {
					await selectInEditor(p, 'Beschrijving', word);
					await commentsRegion(p).getByRole('button', { name: 'Reageren op de geselecteerde tekst in Beschrijving' }).click();
					return commentsRegion(p).locator('.selected-anchor').getByText(word).isVisible();
				})
				.toBe(true);
			expect(await p.evaluate(() => document.activeElement?.id)).toBe(await commentsRegion(p).getByLabel('Nieuwe reactie').getAttribute('id'));
			// Typing goes straight into the reply box
			await p.keyboard.type(remark);
			await commentsRegion(p).getByRole('button', { name: 'Plaatsen' }).click();
			await expect.poll(() => commentsRegion(p).getByLabel('Nieuwe reactie').inputValue()).toBe('');
		};
		// Written on the later passage first: shown after the one on the earlier passage all the same
		await commentOn(late, `Over het einde ${stamp}`);
		await commentOn(early, `Over het begin ${stamp}`);
		await postComment(p, `Over het geheel ${stamp}`);
		const order = () =>
			commentsRegion(p)
				.locator('li.thread')
				.evaluateAll(
					(els, s) => els.map((e) => e.textContent ?? '').flatMap((t) => ['begin', 'einde', 'geheel'].filter((w) => t.includes(`Over het ${w} ${s}`))),
					stamp
				);
		await expect.poll(order, { timeout: 10_000 }).toEqual(['begin', 'einde', 'geheel']);
	});

	it('lists in "Nu in …" only the people working in that text', async () => {
		const a = await pageAs('verkenner');
		const b = await pageAs('klankbord.leiden');
		await Promise.all([openItem(a), openItem(b)]);
		await Promise.all([untilEditable(a), untilEditable(b)]);
		const presence = (p: Page, field: string) => p.locator('.presence').filter({ hasText: `Nu in ${field}:` });
		await editor(a, 'Beschrijving').click();
		await editor(b, 'Regionale meerwaarde').click();
		await expect.poll(() => presence(a, 'Regionale meerwaarde').innerText(), { timeout: 10_000 }).toContain('(Leiden)');
		expect(await presence(a, 'Regionale meerwaarde').getByRole('listitem').count()).toBe(1);
		expect(await presence(a, 'Beschrijving').innerText()).not.toContain('(Leiden)');
		expect(await presence(a, 'Beschrijving').innerText()).toContain('Alleen u');
		// B moves to the description: now there, no longer in the other text
		await editor(b, 'Beschrijving').click();
		await expect.poll(() => presence(a, 'Beschrijving').innerText(), { timeout: 10_000 }).toContain('(Leiden)');
		await expect.poll(() => presence(a, 'Regionale meerwaarde').innerText(), { timeout: 10_000 }).toContain('niemand');
	});

	it('never shows "Opnieuw verbinden…" while the page loads and connects', async () => {
		const p = await pageAs('klankbord.oegstgeest');
		await p.addInitScript(() => {
			const seen: string[] = [];
			(window as unknown as { connectionTexts: string[] }).connectionTexts = seen;
			const record = () => {
				const text = document.querySelector('.connection')?.textContent?.replace(/\s+/g, ' ').trim();
				if (text !== undefined && seen.at(-1) !== text) seen.push(text);
			};
			new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true });
		});
		for (const path of [itemPath, '/agenda', itemPath]) {
			await p.goto(path);
			await p.locator('.connection[data-state="connected"]').waitFor({ timeout: 20_000 });
			const texts = await p.evaluate(() => (window as unknown as { connectionTexts: string[] }).connectionTexts);
			expect(texts.at(-1)).toContain('Verbonden');
			expect(texts.join(' | ')).not.toContain('Opnieuw verbinden');
		}
	});
});

describe('the item page at 390 px', () => {
	it('stacks the texts and comments without horizontal scrolling, and axe finds nothing', async () => {
		const p = await pageAs('verkenner', 390);
		await openItem(p);
		await untilEditable(p);
		expect(await p.evaluate(() => document.documentElement.scrollWidth), await widerThanScreen(p)).toBeLessThanOrEqual(390);
		const text = await p.getByRole('region', { name: 'Beschrijving' }).boundingBox();
		const comments = await commentsRegion(p).boundingBox();
		if (!text || !comments) throw new Error('texts or comments not shown');
		expect(comments.y).toBeGreaterThanOrEqual(text.y + text.height);
		await expectNoAxeViolations(p);
		for (const name of ['Besluitvorming', 'Geschiedenis']) {
			await tab(p, name).click();
			expect(await p.evaluate(() => document.documentElement.scrollWidth), await widerThanScreen(p)).toBeLessThanOrEqual(390);
			await expectNoAxeViolations(p);
		}
	});
});
