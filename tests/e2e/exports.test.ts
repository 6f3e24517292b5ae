/**
 * A signed-in klankbordgroep member sets a filter on the agenda and on the positions overview and downloads
 * both files through the pages' "Downloaden als Excel / CSV" links: the XLSX (read back with exceljs) and
 * the CSV (BOM, `;`) hold exactly the items the page lists, in its order, with the header frozen. An unknown
 * format is a 400 with a Dutch message. axe finds nothing on either page with the control, which fits on a phone.
 * Uses the run's shared server (its demo data); only reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { connectBrowser, newContext } from './support/browser';
import { email } from './support/accounts';
import { login } from './support/auth';
import { expectNoAxeViolations } from './support/axe';
import { parseCsv } from '../fixtures/csv-parse';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
	browser = await connectBrowser();
	context = await newContext(browser);
	page = await context.newPage();
	page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
	await login(page, email('klankbord.leiden'));
}, 120_000);

afterAll(async () => {
	await context?.close();
	await browser?.close();
});

/** Clicks a download link of the page's download control and gives the file and its suggested name. */
async function download(format: 'xlsx' | 'csv'): Promise<{ name: string; body: Buffer }> {
	const link = page.getByRole('group', { name: /als spreadsheet/ }).getByRole('link', { name: format === 'xlsx' ? /^Excel/ : /^CSV/ });
	const [file] = (await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), link.click()])) as [Download, void];
	const chunks: Buffer[] = [];
	for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
	return { name: file.suggestedFilename(), body: Buffer.concat(chunks) };
}

async function xlsxIds(body: Buffer): Promise<{ ids: unknown[]; ws: ExcelJS.Worksheet }> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(body as never);
	const ws = wb.worksheets[0];
	const ids: unknown[] = [];
	ws.eachRow((row, n) => void (n > 1 && ids.push(row.getCell(1).value)));
	return { ids, ws };
}

function csvRows(body: Buffer): string[][] {
	expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	return parseCsv(body.subarray(3).toString('utf8'), ';');
}

const idOf = (href: string | null) => href?.match(/\/agenda\/([0-9a-f-]{36})$/)?.[1];

describe('downloading the agenda', () => {
	it('gives exactly the items the page lists under the filter set, as XLSX and CSV', async () => {
		await page.goto('/agenda');
		await page.getByLabel('Deelnemende gemeente').selectOption({ label: 'Oegstgeest' });
		await page.getByLabel('Verkiezingen').selectOption({ index: 1 });
		await page.getByRole('button', { name: 'Filteren' }).click();
		await page.waitForURL(/gemeente=oegstgeest/);
		const shown = (await page.locator('ul.items a.item-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).map(idOf);
		const all = await page.request.get('/agenda').then((r) => r.text());
		expect(shown.length).toBeGreaterThan(0);
		expect(all.match(/class="item-title/g)!.length).toBeGreaterThan(shown.length);

		const xlsx = await download('xlsx');
		expect(xlsx.name).toMatch(/^uitvoeringsagenda-\d{4}-\d{2}-\d{2}\.xlsx$/);
		const { ids, ws } = await xlsxIds(xlsx.body);
		expect(ids).toEqual(shown);
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(ws.getRow(1).getCell(2).value).toBe('Titel');

		const csv = await download('csv');
		expect(csv.name).toMatch(/^uitvoeringsagenda-\d{4}-\d{2}-\d{2}\.csv$/);
		const [header, ...rows] = csvRows(csv.body);
		expect(header.slice(0, 4)).toEqual(['Id', 'Titel', 'Ambitie', 'Status']);
		expect(rows.map((r) => r[0])).toEqual(shown);
		const titles = await page.locator('ul.items a.item-title').allInnerTexts();
		expect(rows.map((r) => r[1])).toEqual(titles.map((t) => t.trim()));
	});

	it('the page with the control passes axe and fits a 390 px screen', async () => {
		await expectNoAxeViolations(page);
		await page.setViewportSize({ width: 390, height: 844 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		const box = await page.getByRole('group', { name: /als spreadsheet/ }).boundingBox();
		expect(box!.x + box!.width).toBeLessThanOrEqual(390);
		await page.setViewportSize({ width: 1280, height: 800 });
	});

	it('answers an unknown format with a 400 and a Dutch message', async () => {
		const res = await page.request.get('/agenda/export?formaat=ods&gemeente=leiden');
		expect(res.status()).toBe(400);
		expect(await res.text()).toContain('Onbekend bestandsformaat');
	});
});

describe('downloading the positions overview', () => {
	it('gives exactly the rows the matrix shows under the filter set, as XLSX and CSV', async () => {
		await page.goto('/standpunten');
		await page.getByLabel('Ambitie').selectOption({ index: 1 });
		await page.getByRole('button', { name: 'Filteren' }).click();
		await page.waitForURL(/ambitie=1/);
		const shown = await page.locator('tr[data-item]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item')));
		expect(shown.length).toBeGreaterThan(0);

		const xlsx = await download('xlsx');
		expect(xlsx.name).toMatch(/^standpunten-\d{4}-\d{2}-\d{2}\.xlsx$/);
		const { ids, ws } = await xlsxIds(xlsx.body);
		expect(ids).toEqual(shown);
		const header = (ws.getRow(1).values as unknown[]).slice(1);
		expect(header).toContain('Standpunt Leiden');
		expect(header).toContain('Collegebesluit Leiden');

		const csv = await download('csv');
		const [, ...rows] = csvRows(csv.body);
		expect(rows.map((r) => r[0])).toEqual(shown);
	});

	it('the page with the control passes axe', async () => {
		await expectNoAxeViolations(page);
		expect(pageErrors).toEqual([]);
	});
});
