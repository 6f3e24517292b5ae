/**
 * Who is told, in the browser and by e-mail: an item with three participating municipalities (Leiden,
 * Leiderdorp, Oegstgeest) is readied for decision, their three colleges sign, and the verkenner reopens it with
 * a reason. The three colleges concerned see the void on their start page and receive an e-mail (plain text and
 * HTML, a link to the item, the reason, a one-click unsubscribe); the colleges of the other two municipalities
 * receive nothing. Runs its own production server with SMTP_URL pointing at a real SMTP server in this process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ParsedMail } from 'mailparser';
import { connectBrowser } from './support/browser';
import { email } from './support/accounts';
import { enrolTotp, login } from './support/auth';
import { openToSign, signAkkoord } from './support/signing';
import { startServer, type RunningServer } from './support/server';
import { expectConnected } from './support/pages';
import { rawHeader, startSmtp, type TestSmtp } from '../fixtures/smtp';

const ITEM = 'Studenten- en expathuisvesting voor de Kennisstad';
const CONCERNED = ['leiden', 'leiderdorp', 'oegstgeest'];
const OTHERS = ['voorschoten', 'zoeterwoude'];
const REASON = 'De raming van de kosten is herzien';

let browser: Browser;
let server: RunningServer;
let smtp: TestSmtp;
const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-decision-mail-'));
const contexts: BrowserContext[] = [];
let verkenner: Page;
const college: Record<string, { page: Page; key: Uint8Array }> = {};
let itemPath = '';

async function newPage(): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.url, locale: 'nl-NL' });
	contexts.push(context);
	return context.newPage();
}
const mailsTo = (address: string) => smtp.received.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((to) => to?.text.includes(address)));
const aboutItem = (m: ParsedMail) => (m.text ?? '').includes(itemPath);
const statusOf = (p: Page) => p.locator('ol.steps li[aria-current="step"]').innerText();

beforeAll(async () => {
	smtp = await startSmtp();
	browser = await connectBrowser();
	server = await startServer({ dataDir, env: { SMTP_URL: smtp.url, MAIL_RETRY_DELAY_SECONDS: '1' } });
	verkenner = await newPage();
	await login(verkenner, email('verkenner'));
	await verkenner.goto('/agenda');
	await verkenner.getByRole('link', { name: ITEM }).first().click();
	await verkenner.waitForURL(/\/agenda\/[0-9a-f-]{36}$/);
	itemPath = new URL(verkenner.url()).pathname;
	for (const m of CONCERNED) {
		const page = await newPage();
		await login(page, email(`college.${m}`));
		college[m] = { page, key: await enrolTotp(page) };
	}
}, 300_000);

afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
	await server?.stop();
	await smtp?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('the colleges concerned are told, on their start page and by e-mail', () => {
	it('readied for decision: the three colleges get a mail at once that links to the item', async () => {
		await expectConnected(verkenner);
		await verkenner.getByRole('button', { name: 'In bespreking brengen' }).click();
		await expect.poll(() => statusOf(verkenner), { timeout: 15_000 }).toContain('In bespreking');
		await verkenner.getByRole('button', { name: 'Gereed melden voor besluitvorming' }).click();
		await expect.poll(() => statusOf(verkenner), { timeout: 15_000 }).toContain('Gereed voor besluitvorming');
		for (const m of CONCERNED) {
			await expect.poll(() => mailsTo(email(`college.${m}`)).filter(aboutItem).length, { timeout: 30_000 }).toBe(1);
		}
		const [mail] = mailsTo(email('college.leiden')).filter(aboutItem);
		expect(mail.subject).toContain(ITEM);
		expect(mail.html).toContain(`${itemPath}`);
		expect(rawHeader(mail, 'auto-submitted')).toBe('auto-generated');
		expect(rawHeader(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
		expect(rawHeader(mail, 'list-unsubscribe')).toMatch(/^<http:\/\/[^>]+\/afmelden\/[A-Za-z0-9_.-]+>$/);
	});

	it('the three sign, the verkenner reopens with a reason: each college concerned sees the void and gets an e-mail; the others get nothing', async () => {
		for (const [i, m] of CONCERNED.entries()) {
			const { page, key } = college[m];
			await openToSign(page, itemPath, key);
			await signAkkoord(page, `Z/26/${2000 + i}`);
			await expect.poll(() => page.getByTestId('signoffs').locator('li[data-municipality]').count(), { timeout: 15_000 }).toBe(i + 1);
		}
		await verkenner.goto(itemPath);
		await expect.poll(() => statusOf(verkenner), { timeout: 15_000 }).toContain('Vastgesteld');
		const before = smtp.received.length;
		await verkenner.getByText('Heropenen…').click();
		await expect.poll(() => verkenner.getByText('3 collegebesluiten vervallen').count()).toBe(1);
		await verkenner.getByLabel('Reden van heropenen').fill(REASON);
		await verkenner.getByRole('button', { name: 'Heropenen', exact: true }).click();
		await expect.poll(() => statusOf(verkenner), { timeout: 15_000 }).toContain('In bespreking');

		for (const m of CONCERNED) {
			const p = college[m].page;
			await p.goto('/');
			await expect.poll(() => p.getByTestId('voided').innerText(), { timeout: 15_000 }).toContain(ITEM);
			const voided = () => mailsTo(email(`college.${m}`)).filter((mail) => aboutItem(mail) && (mail.text ?? '').includes(REASON));
			await expect.poll(() => voided().length, { timeout: 30_000 }).toBe(1);
			const [mail] = voided();
			expect(mail.html).toContain(REASON);
			// The link in the mail opens the item for the college member.
			const link = (mail.text ?? '').match(/https?:\/\/\S+\/agenda\/[0-9a-f-]{36}\S*/)![0];
			await p.goto(new URL(link).pathname + new URL(link).hash);
			expect(new URL(p.url()).pathname).toBe(itemPath);
			// It lands on the decisions, in their own tab.
			await expect.poll(() => p.getByRole('tab', { name: 'Besluitvorming' }).getAttribute('aria-selected')).toBe('true');
			expect(await p.getByTestId('signoffs').isVisible()).toBe(true);
		}
		// Give a wrongly addressed mail time to arrive before saying none did.
		await new Promise((r) => setTimeout(r, 3000));
		for (const m of OTHERS) expect(mailsTo(email(`college.${m}`)).filter(aboutItem)).toEqual([]);
		expect(smtp.received.length - before).toBeGreaterThanOrEqual(3);
	}, 180_000);
});
