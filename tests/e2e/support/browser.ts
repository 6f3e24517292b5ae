import { chromium, type Browser, type BrowserContext, type BrowserServer } from 'playwright-core';
import { existsSync } from 'node:fs';
import { inject } from 'vitest';
import { baseURL } from './context';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** Started once per run by global-setup.ts; every test file connects to it. */
export function launchBrowserServer(): Promise<BrowserServer> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium\` (or run .ci/run)`);
	}
	return chromium.launchServer({ executablePath: CHROMIUM, args: chromiumArgs });
}

/** The run's shared Chromium. */
export function connectBrowser(): Promise<Browser> {
	return chromium.connect(inject('browserWSEndpoint'));
}

/**
 * A fresh browser profile (own cookies) on the server under test. The site's real Content Security
 * Policy stays in force: axe is evaluated over the DevTools protocol, which CSP does not govern.
 */
export function newContext(browser: Browser, opts: { locale?: string } = {}): Promise<BrowserContext> {
	return browser.newContext({ baseURL: baseURL(), locale: opts.locale ?? 'nl-NL' });
}
