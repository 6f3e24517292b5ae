/**
 * Scenarios of an agenda item, in Chromium against its own server (embedded database, demo data): the verkenner
 * adds two options and the study's three axes through the scenarios page; the klankbordgroep members of Leiden and
 * Oegstgeest score the first option at the same moment, each in their own browser; a third browser (Leiden's
 * meelezer) has the comparison open and sees both municipalities' scores, the spread and their preference arrive
 * without reloading. A score outside what the page offers is refused with a Dutch message. The verkenner proposes
 * an option. axe finds nothing on the page for the verkenner, a scorer and a reader; at 390 px nothing scrolls
 * sideways. On the item page, a scenario's description is co-edited live and a passage of it gets a comment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connectBrowser } from './support/browser';
import { email } from './support/accounts';
import { login } from './support/auth';
import { expectNoAxeViolations } from './support/axe';
import { expectFitsPhone } from './support/phone';
import { expectConnected } from './support/pages';
import { startServer, type RunningServer } from './support/server';
import { commentsRegion, postComment, selectInEditorOf } from './support/item-page';

const ITEM = 'Studenten- en expathuisvesting voor de Kennisstad';
const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-scenarios-'));
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
let scenariosPath = '';

async function pageAs(account: string): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.url, locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
	contexts.push(context);
	const page = await context.newPage();
	page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
	await login(page, account);
	return page;
}

beforeAll(async () => {
	server = await startServer({ dataDir });
	browser = await connectBrowser();
}, 180_000);

afterAll(async () => {
	for (const c of contexts) await c.close().catch(() => {});
	await browser?.close();
	await server?.stop();
	rmSync(dataDir, { recursive: true, force: true });
	expect(pageErrors).toEqual([]);
});

/** Chooses a score in a criterion's radio group by keyboard: focus the group's first point, then arrow right. */
async function chooseByKeyboard(page: Page, group: string, score: number) {
	const fieldset = page.getByRole('group', { name: group });
	await fieldset.getByRole('radio').first().focus();
	await page.keyboard.press('Space');
	for (let i = 1; i < score; i++) await page.keyboard.press('ArrowRight');
	await expect.poll(() => fieldset.getByRole('radio', { checked: true }).getAttribute('value')).toBe(String(score));
}

describe('scenarios weighed by the municipalities', () => {
	it('the verkenner adds two options and chooses the three axes', async () => {
		const verkenner = await pageAs(email('verkenner'));
		await verkenner.goto('/agenda');
		await verkenner.getByRole('link', { name: ITEM }).first().click();
		await verkenner.getByRole('link', { name: "Scenario's toevoegen" }).click();
		await expect.poll(() => verkenner.getByRole('heading', { level: 1 }).innerText()).toBe("Scenario's vergelijken");
		scenariosPath = new URL(verkenner.url()).pathname;
		await expect.poll(() => verkenner.getByText('nog geen scenario').first().isVisible()).toBe(true);
		await expectNoAxeViolations(verkenner);

		for (const [title, yearly] of [
			['Campus samen ontwikkelen', '250.000'],
			['Ieder voor zich', '0']
		]) {
			await verkenner.getByText('Scenario toevoegen', { exact: true }).first().click();
			await verkenner.locator('#nieuw-title').fill(title);
			await verkenner.locator('#nieuw-yearly').fill(yearly);
			await verkenner.getByRole('button', { name: 'Scenario toevoegen' }).click();
			await expect.poll(() => verkenner.getByRole('heading', { level: 3, name: title }).count()).toBe(1);
		}
		await verkenner.getByRole('button', { name: /De drie assen/ }).click();
		await expect.poll(() => verkenner.getByText('De criteria zijn opgeslagen.').isVisible()).toBe(true);
		await expect.poll(() => verkenner.locator('ol.criteria li').count()).toBe(3);
		await expectNoAxeViolations(verkenner);
		await expectFitsPhone(verkenner);
	});

	it('two municipalities score at once; a third browser sees the comparison update live', async () => {
		const watcher = await pageAs(email('meelezer.leiden'));
		await watcher.goto(scenariosPath);
		await expectConnected(watcher);
		await expect.poll(() => watcher.getByText('Er zijn nog geen scores gegeven.').isVisible()).toBe(true);
		// A reader scores nothing: no scoring forms.
		expect(await watcher.getByRole('heading', { name: 'Scoren' }).count()).toBe(0);

		const scorers = { leiden: await pageAs(email('klankbord.leiden')), oegstgeest: await pageAs(email('klankbord.oegstgeest')) };
		const values = { leiden: [5, 4, 4], oegstgeest: [2, 4, 3] };
		for (const [id, page] of Object.entries(scorers)) {
			await page.goto(scenariosPath);
			await expectConnected(page);
			const name = id === 'leiden' ? 'Leiden' : 'Oegstgeest';
			await expect.poll(() => page.getByRole('heading', { name: `${name}, namens de klankbordgroep` }).isVisible()).toBe(true);
			await page.locator('[aria-labelledby="kop-scoren"] summary', { hasText: 'Campus samen ontwikkelen' }).click();
			const axes = ['Mate van integraliteit', 'Mate van bestuurlijke integratie', 'Mate van beleidsharmonisatie'];
			for (const [i, axis] of axes.entries()) await chooseByKeyboard(page, axis, values[id as keyof typeof values][i]);
			await page.locator('details[open]').getByLabel('Motivering bij Mate van integraliteit').fill(`Motivering van ${name}`);
		}
		await expectNoAxeViolations(scorers.leiden);
		// Both submit at the same moment.
		await Promise.all(Object.values(scorers).map((p) => p.getByRole('button', { name: 'Scores voor ‘Campus samen ontwikkelen’ opslaan' }).click()));
		for (const page of Object.values(scorers)) await expect.poll(() => page.getByText('De scores zijn opgeslagen.').isVisible()).toBe(true);

		// The watcher did not reload: the scores table, the spread and the preferences came live.
		const table = watcher.locator('table.scores');
		await expect.poll(() => table.isVisible(), { timeout: 15_000 }).toBe(true);
		const integraliteit = table.getByRole('row', { name: /Mate van integraliteit/ });
		await expect.poll(() => integraliteit.innerText()).toMatch(/Leiden: 5[\s\S]*Oegstgeest: 2[\s\S]*gemiddeld 3,5, spreiding 3/);
		await expect.poll(() => watcher.locator('ul.preferred').innerText()).toContain('Leiden: Campus samen ontwikkelen');
		await expect.poll(() => watcher.getByText('Hier lopen de scores het verst uiteen (spreiding 3):').isVisible()).toBe(true);
		await expectNoAxeViolations(watcher);
		await expectFitsPhone(watcher);
	});

	it('refuses a score outside the scale with a Dutch message, and the verkenner proposes an option', async () => {
		const leiden = await pageAs(email('klankbord.leiden'));
		await leiden.goto(scenariosPath);
		// Hydrated first: a fold opened before it would be closed again by the page's own state.
		await expectConnected(leiden);
		await leiden.locator('[aria-labelledby="kop-scoren"] summary', { hasText: 'Ieder voor zich' }).click();
		const radio = leiden
			.getByRole('group', { name: /Mate van integraliteit/ })
			.last()
			.getByRole('radio')
			.last();
		// A forged value past the scale (as a tampered form would send it).
		await radio.evaluate((el) => ((el as HTMLInputElement).value = '9'));
		await radio.check();
		await leiden.getByRole('button', { name: 'Scores voor ‘Ieder voor zich’ opslaan' }).click();
		await expect.poll(() => leiden.getByText('Deze score ligt buiten de schaal van het criterium.').first().isVisible()).toBe(true);

		const verkenner = await pageAs(email('verkenner'));
		await verkenner.goto(scenariosPath);
		await verkenner.getByRole('article').filter({ hasText: 'Campus samen ontwikkelen' }).getByRole('button', { name: 'Dit scenario voorstellen' }).click();
		await expect.poll(() => verkenner.getByRole('article').filter({ hasText: 'Campus samen ontwikkelen' }).getByText('Voorgesteld').isVisible()).toBe(true);
		await verkenner.getByRole('link', { name: 'Terug naar het agendapunt' }).click();
		const proposed = verkenner.getByRole('article', { name: /Campus samen ontwikkelen/ });
		await expect.poll(() => proposed.getByRole('heading', { level: 3 }).innerText()).toMatch(/Campus samen ontwikkelen\s*Voorgesteld/);
	});

	it("a scenario's description is co-edited on the item page, and a passage of it gets a comment", async () => {
		const verkenner = await pageAs(email('verkenner'));
		const leiden = await pageAs(email('klankbord.leiden'));
		const itemPath = scenariosPath.replace(/\/scenarios$/, '');
		const option = (p: Page) => p.getByRole('article', { name: /Campus samen ontwikkelen/ });
		const editable = (p: Page) => option(p).locator('.collab-editor[contenteditable="true"]');
		for (const p of [verkenner, leiden]) {
			await p.goto(itemPath);
			await expectConnected(p);
			await editable(p).waitFor({ timeout: 20_000 });
		}
		const word = `CAMPUSPLAN${Date.now()}`;
		await editable(verkenner).click();
		await verkenner.keyboard.type(`Samen een ${word} voor de Kennisstad.`);
		// Live in the other browser, without reloading.
		await expect.poll(() => option(leiden).locator('.collab-editor').innerText(), { timeout: 20_000 }).toContain(word);

		await selectInEditorOf(option(leiden), word);
		await leiden.waitForTimeout(300);
		await commentsRegion(leiden).getByRole('button', { name: 'Reageren op de geselecteerde tekst in een scenario' }).click();
		await commentsRegion(leiden).locator('.selected-anchor').getByText(word).waitFor();
		const remark = `Wie betaalt de campus? ${Date.now()}`;
		await postComment(leiden, remark);
		const thread = (p: Page) =>
			commentsRegion(p)
				.getByRole('listitem', { name: /Discussie gestart door/ })
				.filter({ hasText: remark });
		await expect.poll(() => thread(verkenner).innerText(), { timeout: 20_000 }).toContain('Bij de passage in Beschrijving van Campus samen ontwikkelen');
		// The passage is highlighted in the scenario's editor of both browsers.
		for (const p of [verkenner, leiden]) await expect.poll(() => option(p).locator('mark.comment-anchor').allInnerTexts(), { timeout: 10_000 }).toEqual([word]);

		// The scenarios page shows the co-edited description after the pause that stores it.
		await expect.poll(async () => (await verkenner.request.get(scenariosPath)).text(), { timeout: 20_000 }).toContain(word);
		await expectNoAxeViolations(leiden);
		await expectFitsPhone(leiden);
	});
});
