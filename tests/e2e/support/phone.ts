import { expect } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { pattern } from './crawl';
import { connectionStatus } from './pages';

/** An ordinary phone held upright (iPhone 12–15): the width every page must fit. */
export const PHONE = { width: 390, height: 844 } as const;

/** WCAG 2.2 2.5.8 Target Size (Minimum): a pointer target is at least 24 by 24 CSS pixels. */
export const MIN_TARGET = 24;

export interface Overflow {
	/** document.documentElement.scrollWidth: wider than the viewport means the page scrolls sideways. */
	scrollWidth: number;
	/** The elements that reach past the right edge, widest first: where to look for the cause. */
	culprits: string[];
}

/**
 * How wide the page is, and what sticks out. A string, not a function, is evaluated: the bundler's name helpers
 * (e.g. `__name`) do not exist inside the page.
 */
export function measureOverflow(page: Page): Promise<Overflow> {
	return page.evaluate(`(() => {
		const vw = document.documentElement.clientWidth;
		const label = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
		// What a box that scrolls (or clips) holds does not widen the page: only the rest counts. An absolutely
		// positioned element (a visually hidden text) escapes every box up to its containing block.
		const clipped = (el) => {
			let free = ['absolute', 'fixed'].includes(getComputedStyle(el).position);
			for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
				const style = getComputedStyle(a);
				if (free && style.position !== 'static') free = false;
				else if (free) continue;
				if (style.overflowX !== 'visible') return true;
			}
			return false;
		};
		const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > vw + 1 && !clipped(el));
		// The outermost of them first: where the overflow starts (its parent still fits).
		const starts = (el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= vw + 1;
		const culprits = [...wide.filter(starts), ...wide.filter((el) => !starts(el))]
			.slice(0, 6)
			.map((el) => Math.round(el.getBoundingClientRect().right) + 'px ' + (el.parentElement ? label(el.parentElement) + ' > ' : '') + label(el) + ' "' + (el.textContent || '').trim().slice(0, 40) + '"');
		return { scrollWidth: document.documentElement.scrollWidth, culprits };
	})()`);
}

/** The visible targets matched by `selector` that are smaller than 24×24 px, described for a failure message. */
export function smallTargets(page: Page, selector: string): Promise<string[]> {
	return page.evaluate(`(() => {
		const min = ${MIN_TARGET};
		return [...document.querySelectorAll(${JSON.stringify(selector)})]
			.filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
			.map((el) => ({ el, box: el.getBoundingClientRect() }))
			.filter(({ box }) => box.width < min - 0.5 || box.height < min - 0.5)
			.map(({ el, box }) => el.tagName.toLowerCase() + ' "' + (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40) + '" ' + Math.round(box.width) + '×' + Math.round(box.height));
	})()`);
}

/** Opens a page and waits until it has hydrated and connected (pages without the indicator go on at once). */
export async function openSettled(page: Page, url: string): Promise<Response | null> {
	const response = await page.goto(url, { waitUntil: 'load' });
	if (await connectionStatus(page).count()) {
		await connectionStatus(page)
			.filter({ hasText: 'Verbonden' })
			.waitFor({ timeout: 5_000 })
			.catch(() => {});
	}
	return response;
}

/** Paths never followed: they change state (log out, switch language) or are not pages. */
const skipped = /^\/(uitloggen|taal|_app)(\/|$)/;

/** A same-origin page link worth opening (no fragment, no form action), or null. */
function followable(href: string, from: string): URL | null {
	const u = URL.canParse(href, from) ? new URL(href, from) : null;
	if (!u || u.origin !== new URL(from).origin || skipped.test(u.pathname) || u.search.startsWith('?/')) return null;
	u.hash = '';
	return u;
}

/**
 * The pages reachable from the header navigation: its links (depth 1) and the links on those pages (depth 2),
 * at most `perPattern` pages of one route (e.g. /agenda/:id). Calls `check` on each page once it has settled.
 */
export async function crawlNavigation(page: Page, maxDepth: 1 | 2, perPattern: number, check: (url: string) => Promise<void>): Promise<string[]> {
	await openSettled(page, '/');
	const seen = new Set<string>();
	const counts = new Map<string, number>();
	const admit = (u: URL) => {
		const p = pattern(u);
		if (seen.has(u.toString()) || (counts.get(p) ?? 0) >= perPattern) return false;
		seen.add(u.toString());
		counts.set(p, (counts.get(p) ?? 0) + 1);
		return true;
	};
	const links = async (selector: string) =>
		(await page.$$eval(selector, (as) => as.filter((a) => !a.hasAttribute('download')).map((a) => a.getAttribute('href') ?? '')))
			.map((h) => followable(h, page.url()))
			.filter((u): u is URL => u !== null)
			.filter(admit);
	const level1 = await links('header nav a[href]');
	if (!level1.length) throw new Error('the header navigation has no links');
	const level2: URL[] = [];
	for (const u of level1) {
		const response = await openSettled(page, u.toString());
		await check(u.toString());
		if (maxDepth === 2 && response?.ok()) level2.push(...(await links('a[href]')));
	}
	for (const u of level2) {
		await openSettled(page, u.toString());
		await check(u.toString());
	}
	return [...seen];
}

/** At 390 px the page does not scroll sideways (a failure names what sticks out); then back to 1280 px. */
export async function expectFitsPhone(page: Page): Promise<void> {
	await page.setViewportSize(PHONE);
	const overflow = await measureOverflow(page);
	expect(overflow.scrollWidth, overflow.culprits.join('\n')).toBeLessThanOrEqual(PHONE.width);
	await page.setViewportSize({ width: 1280, height: 900 });
}
