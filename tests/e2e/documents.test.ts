/**
 * The raadsinformatiebrief from the item page, in Chromium on the shared server: the verkenner opens an adopted
 * demo item, chooses a participating municipality and PDF in the page's own control and downloads it — the
 * PDF is tagged, embeds its fonts and holds the letter's text (to the council, the signed version, the
 * municipality's costs, the decisions); the same control gives the Word file with heading styles and the
 * text. Asking for a municipality that does not exist is a 400 in Dutch. axe finds nothing on the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import JSZip from 'jszip';
import { connectBrowser } from './support/browser';
import { baseURL } from './support/context';
import { email } from './support/accounts';
import { login } from './support/auth';
import { expectNoAxeViolations } from './support/axe';
import { pdfStructure } from '../fixtures/pdf-structure';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let itemPath = '';
let title = '';

const control = () => page.getByRole('region', { name: 'Raadsinformatiebrief' });

/** The municipalities the control offers a letter for, in its order. */
const offered = () => control().locator('li .who').allInnerTexts();

async function download(format: 'PDF (toegankelijk)' | 'Word (.docx)', municipality: string): Promise<{ bytes: Buffer; name: string }> {
	const [file] = (await Promise.all([
		page.waitForEvent('download', { timeout: 30_000 }),
		control()
			.getByRole('link', { name: `Raadsinformatiebrief voor ${municipality} als ${format}` })
			.click()
	])) as [Download, void];
	const chunks: Buffer[] = [];
	for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
	return { bytes: Buffer.concat(chunks), name: file.suggestedFilename() };
}

beforeAll(async () => {
	browser = await connectBrowser();
	context = await browser.newContext({ baseURL: baseURL(), locale: 'nl-NL', acceptDownloads: true, viewport: { width: 1280, height: 900 } });
	page = await context.newPage();
	await login(page, email('verkenner'));
	await page.goto('/agenda?status=vastgesteld');
	const href = await page
		.locator('main a[href^="/agenda/"]')
		.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? '').find((h) => /^\/agenda\/[0-9a-f-]{36}$/.test(h)));
	if (!href) throw new Error('no adopted item in the demo data');
	itemPath = href;
	await page.goto(itemPath);
	title = (await page.locator('h1').first().innerText()).trim();
}, 60_000);

afterAll(async () => {
	await context?.close();
	await browser?.close();
});

describe('raadsinformatiebrief from the item page', () => {
	it('offers only the participating municipalities, and axe finds nothing on the page', async () => {
		await control().waitFor();
		const options = await offered();
		expect(options.length).toBeGreaterThan(0);
		const participants = await page.getByRole('region', { name: 'Deelnemende gemeenten' }).locator('li').allInnerTexts();
		expect(options.every((o) => participants.some((p) => p.startsWith(o)))).toBe(true);
		await expectNoAxeViolations(page);
	});

	it('downloads an accessible PDF letter to the chosen council with the signed text, its costs and the decisions', async () => {
		const municipality = (await offered())[0].trim();
		const { bytes, name } = await download('PDF (toegankelijk)', municipality);
		expect(name).toMatch(new RegExp(`^raadsinformatiebrief-${municipality.toLowerCase()}-.+\\.pdf$`));
		const s = pdfStructure(bytes);
		expect(s.marked && s.hasStructTreeRoot).toBe(true);
		expect(s.lang).toBe('nl-NL');
		expect(s.fonts.every((f) => f.embedded)).toBe(true);
		expect(s.links.map((l) => l.uri)).toContain(new URL(itemPath, baseURL()).href);
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
		const flat = text.replace(/\s+/g, ' ');
		expect(flat).toContain(`Raadsinformatiebrief ${municipality}:`);
		expect(flat).toContain(`Aan: De gemeenteraad van ${municipality}`);
		expect(flat).toContain(`Onderwerp: ${title}`);
		expect(flat).toMatch(/Tekst: vastgestelde versie \d+ \(hash [0-9a-f]{12}\)/);
		expect(flat).toContain(`Kosten voor ${municipality}`);
		expect(flat).toContain('Colleges van B en W');
		expect(flat).toMatch(new RegExp(`${municipality} Akkoord`));
		// the page is still there: the download did not navigate away
		expect(new URL(page.url()).pathname).toBe(itemPath);
	});

	it('downloads the same letter as a Word file with heading styles', async () => {
		const municipality = (await offered()).at(-1)!.trim();
		const { bytes, name } = await download('Word (.docx)', municipality);
		expect(name.endsWith('.docx')).toBe(true);
		const zip = await JSZip.loadAsync(bytes);
		const xml = await zip.file('word/document.xml')!.async('string');
		const styles = await zip.file('word/styles.xml')!.async('string');
		expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
		expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
		expect(styles).toContain('<w:lang w:val="nl-NL"/>');
		expect(xml).toContain(`De gemeenteraad van ${municipality}`);
		expect(xml).toContain(`Kosten voor ${municipality}`);
	});

	it('an unknown municipality is a 400 that says in Dutch what to choose', async () => {
		const res = await page.request.get(`${itemPath}/raadsinformatiebrief?gemeente=wassenaar&formaat=pdf`);
		expect(res.status()).toBe(400);
		expect(await res.text()).toContain('Kies een bestaande gemeente voor de raadsinformatiebrief');
	});
});
