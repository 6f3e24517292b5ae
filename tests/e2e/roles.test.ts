/**
 * Every demo role logs in through the Dutch form, lands on the overview of the region, gets a live
 * connection, and meets no accessibility violation on any page reachable from the header (depth 2).
 * One login per role; all roles share one Chromium and one production server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connectBrowser, newContext } from './support/browser';
import { accountsWithoutTwoFactor, accountsWithTwoFactor, email as demoEmail, RATE_LIMIT_ACCOUNT } from './support/accounts';
import { enrolTotp, login } from './support/auth';
import { expectNoAxeViolations } from './support/axe';
import { crawlFromHeader, crawlProblems, logCrawl } from './support/crawl';
import { expectConnected, expectOverview } from './support/pages';
import { baseURL, twoFactorSetupPageExists, urlOf } from './support/context';

/**
 * The pages below the header are the same for every municipality of a role, so one account per role goes
 * two levels deep (Leiden's); the other municipalities' accounts check the header pages themselves.
 */
/** A depth-2 crawl opens some twenty pages, each checked by axe and for its shape: more than the default minute on a busy machine. */
const CRAWL_TIMEOUT = 180_000;
const crawlDepth = (email: string): 1 | 2 => (/^(klankbord|griffie|college|adviseur)\./.test(email) && !email.includes('.leiden@') ? 1 : 2);

let browser: Browser;
beforeAll(async () => (browser = await connectBrowser()));
afterAll(() => browser?.close());

const contexts: BrowserContext[] = [];
afterAll(async () => {
	for (const c of contexts) await c.close();
});

/** A logged-in browser page per role, opened in the describe's beforeAll, kept until the file ends. */
function rolePage(setup: (page: Page) => Promise<void>) {
	let page: Page | undefined;
	beforeAll(async () => {
		const context = await newContext(browser);
		contexts.push(context);
		page = await context.newPage();
		await setup(page);
	});
	return () => {
		if (!page) throw new Error('no page: the login in beforeAll failed');
		return page;
	};
}

describe.each(accountsWithoutTwoFactor)('%s', (email) => {
	const page = rolePage((p) => login(p, email));

	it('lands on the overview of the region with its seven ambitions and five municipalities', async () => {
		await expectOverview(page());
	});

	it('shows that the live connection is up ("Verbonden")', async () => {
		await expectConnected(page());
	});

	it('has no axe violations on the overview', async () => {
		await expectNoAxeViolations(page());
	});

	it(
		`every page reachable from the header (depth ${crawlDepth(email)}) answers < 400 and has no axe violations`,
		() => crawlWithoutProblems(page(), email),
		CRAWL_TIMEOUT
	);
});

/** Visits every page reachable from the header (to the account's depth): none answers ≥ 400 or has a problem. */
async function crawlWithoutProblems(p: Page, email: string): Promise<void> {
	const visits = await crawlFromHeader(p, crawlDepth(email));
	logCrawl(email, visits);
	expect(visits.length).toBeGreaterThan(0);
	const problems = crawlProblems(visits);
	expect(problems, problems.join('\n')).toEqual([]);
}

const enrolmentBuilt = twoFactorSetupPageExists();
/** The pages of the accounts enrolled below (still logged in, second factor given). */
const enrolled = new Map<string, () => Page>();

describe.each(accountsWithTwoFactor.filter((e) => e !== RATE_LIMIT_ACCOUNT))('%s (2FA required)', (email) => {
	const page = rolePage((p) => login(p, email));

	it('is sent to set up two-step verification right after the password', async () => {
		expect(new URL(page().url()).pathname).toBe('/account/tweestaps-instellen');
		// Nothing else opens before 2FA is set up.
		await page().goto('/');
		expect(new URL(page().url()).pathname).toBe('/account/tweestaps-instellen');
	});

	it.skipIf(!enrolmentBuilt)('has no axe violations on the 2FA set-up page', async () => {
		await page().goto('/account/tweestaps-instellen');
		await expectNoAxeViolations(page());
	});

	it.skipIf(!enrolmentBuilt)('enrols TOTP with a code from the key shown as text, then reaches the overview', async () => {
		await enrolTotp(page());
		enrolled.set(email, page);
		await expectOverview(page());
		await expectConnected(page());
		await expectNoAxeViolations(page());
	});

	it.skipIf(!enrolmentBuilt)(
		`every page reachable from the header (depth ${crawlDepth(email)}) answers < 400 and has no axe violations`,
		() => crawlWithoutProblems(page(), email),
		CRAWL_TIMEOUT
	);
});

describe.skipIf(!enrolmentBuilt)('administrator reads the audit trail', () => {
	// The administrator's page from the enrolment above: a second login would need a second code.
	const page = () => {
		const p = enrolled.get(demoEmail('beheer'));
		if (!p) throw new Error('the administrator did not enrol TOTP (see the tests above)');
		return p();
	};

	it('shows a failed login (wrong password) in the audit trail, findable with the filters', async () => {
		const victim = demoEmail('griffie.zoeterwoude');
		const res = await fetch(urlOf('/inloggen'), {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: new URL(baseURL()).origin,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			},
			body: new URLSearchParams({ email: victim, password: 'geen-geldig-wachtwoord' })
		});
		expect(res.status).toBe(400);

		const p = page();
		await p.goto('/beheer');
		const auditLink = p
			.locator('main a[href]')
			.filter({ hasText: /audit|logboek/i })
			.first();
		expect(await auditLink.count(), 'no link to the audit trail on /beheer').toBe(1);
		await Promise.all([p.waitForURL((u) => u.pathname !== '/beheer'), auditLink.click()]);
		await p.waitForLoadState('load');

		// Filter as an administrator would: who = the e-mail address, result = failed.
		await p.getByLabel('Wie').fill(victim);
		await p.getByLabel('Resultaat').selectOption({ label: 'Mislukt' });
		await Promise.all([p.waitForURL((u) => u.searchParams.has('wie')), p.getByRole('button', { name: 'Filteren' }).click()]);
		await p.waitForLoadState('load');
		const rows = p.locator('main table tbody tr');
		expect(await rows.count()).toBeGreaterThan(0);
		const first = await rows.first().innerText();
		expect(first).toContain(victim);
		expect(first).toContain('Inloggen');
		expect(first).toContain('Mislukt');
		await expectNoAxeViolations(p);
	});
});

describe.skipIf(!enrolmentBuilt)('administrator invites a person, and disabling them ends their pages and live connection', () => {
	const admin = () => {
		const p = enrolled.get(demoEmail('beheer'));
		if (!p) throw new Error('the administrator did not enrol TOTP (see the tests above)');
		return p();
	};
	const invitee = { name: 'Sara Meelezer', email: `sara.${Date.now()}@leiden.example.nl`, password: 'Een-lange-zin-als-wachtwoord' };
	let link = '';
	let person: Page;

	/** Invites a Leiden meelezer through the form; returns the path of the link in the outgoing mail. */
	async function invite(p: Page, who: { name: string; email: string }): Promise<string> {
		await p.goto('/beheer/gebruikers/uitnodigen');
		await p.getByLabel('Naam').fill(who.name);
		await p.getByLabel('E-mailadres', { exact: false }).first().fill(who.email);
		await p.getByRole('group', { name: 'Leiden' }).getByLabel('Meelezer').check();
		await p.getByRole('button', { name: 'Uitnodiging versturen' }).click();
		// No mail server in this run: the message says so, and where the link is, instead of "sent".
		await p.getByText(`Er is geen mailserver ingesteld, dus de uitnodiging aan ${who.email} is niet per e-mail verstuurd.`, { exact: false }).waitFor();
		await p.goto('/beheer/uitgaande-mail');
		// textContent: the bodies sit in closed <details> elements; the newest mail comes first.
		const body = (await p.locator('main').textContent()) ?? '';
		const after = body.slice(body.indexOf(who.email));
		const found = after.match(/https?:\/\/[^\s]+\/wachtwoord-instellen\/[a-z0-9]+/);
		expect(body).toContain(who.email);
		expect(found, `a set-password link after ${who.email}`).not.toBeNull();
		return new URL(found![0]).pathname;
	}

	it('invites with a role for one municipality; the invitation lands in the outgoing mail', async () => {
		link = await invite(admin(), invitee);
		await expectNoAxeViolations(admin());
	});

	it('the invitee sets a password through the link, is logged in and connected; the link then no longer works', async () => {
		const context = await newContext(browser);
		contexts.push(context);
		person = await context.newPage();
		await person.goto(link);
		await person.getByRole('heading', { name: 'Welkom bij het Regioportaal' }).waitFor();
		await person.locator('input[name="password"]').fill(invitee.password);
		await person.locator('input[name="repeat"]').fill(invitee.password);
		await Promise.all([person.waitForURL((u) => u.pathname === '/'), person.getByRole('button', { name: 'Wachtwoord instellen' }).click()]).catch(
			async (err) => {
				// Say what the page showed instead of only "timed out".
				const shown = await person
					.locator('main')
					.innerText()
					.catch(() => '(no page)');
				throw new Error(`still on ${person.url()}; the page says: ${shown.slice(0, 500)}`, { cause: err });
			}
		);
		await expectOverview(person);
		await expectConnected(person);
		const again = await fetch(urlOf(link));
		expect(await again.text()).toContain('Deze link werkt niet (meer)');
		// Two seconds alone; on a CI machine busy with the rest of the run it once took longer than the default minute.
	}, 120_000);

	it('disabling the account sends their open page to the login page at once and keeps them out', async () => {
		expect(new URL(person.url()).pathname, 'the invitee is logged in on the overview').toBe('/');
		await expectConnected(person);
		const p = admin();
		await p.goto(`/beheer/gebruikers?zoek=${encodeURIComponent(invitee.email)}`);
		await Promise.all([p.waitForURL((u) => /\/beheer\/gebruikers\/[0-9a-f-]{36}$/.test(u.pathname)), p.getByRole('link', { name: invitee.name }).click()]);
		await p.getByRole('button', { name: 'Account uitschakelen…' }).click();
		const kicked = person.waitForURL((u) => u.pathname === '/inloggen', { timeout: 15_000 });
		await p.getByRole('button', { name: 'Ja, account uitschakelen' }).click();
		await p.getByText('Het account is uitgeschakeld en alle sessies zijn beëindigd.').waitFor();
		await kicked;
		await person.goto('/');
		expect(new URL(person.url()).pathname).toBe('/inloggen');
	});

	it('a browser without JavaScript sets the password through the link too, and lands on the overview', async () => {
		const other = { name: 'Sem Zonderscript', email: `sem.${Date.now()}@leiden.example.nl` };
		const path = await invite(admin(), other);
		const context = await browser.newContext({ baseURL: baseURL(), locale: 'nl-NL', javaScriptEnabled: false });
		contexts.push(context);
		const page = await context.newPage();
		await page.goto(path);
		await page.locator('input[name="password"]').fill(invitee.password);
		await page.locator('input[name="repeat"]').fill(invitee.password);
		// A plain form post (as a click before the page has come alive sends it) is this site's own, not a cross-site one.
		await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.getByRole('button', { name: 'Wachtwoord instellen' }).click()]);
		await expectOverview(page);
	});
});
