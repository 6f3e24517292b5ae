import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	helpUrl: string;
	nodes: { target: string; summary: string }[];
}

export interface AxeOutcome {
	url: string;
	violations: AxeViolation[];
	/** Rules that ran and passed: proof that axe really looked at the page. */
	passes: number;
}

/**
 * Runs axe-core in the page. The source is evaluated over the DevTools protocol (page.evaluate with a
 * string), which the site's Content Security Policy does not govern, so the page keeps its real CSP;
 * a <script> tag with inline content would be refused by it.
 */
export async function runAxe(page: Page): Promise<AxeOutcome> {
	const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
	if (!present) await page.evaluate(`${axeSource}\n;undefined`);
	return page.evaluate(async (tags) => {
		type AxeResult = {
			url: string;
			passes: unknown[];
			violations: {
				id: string;
				impact?: string | null;
				help: string;
				helpUrl: string;
				nodes: { target: unknown[]; failureSummary?: string }[];
			}[];
		};
		const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResult> } }).axe;
		const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
		return {
			url: result.url,
			passes: result.passes.length,
			violations: result.violations.map((v) => ({
				id: v.id,
				impact: v.impact ?? null,
				help: v.help,
				helpUrl: v.helpUrl,
				nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary ?? '' }))
			}))
		};
	}, WCAG_TAGS);
}

export function formatViolations(outcome: AxeOutcome): string {
	const lines = [`${outcome.violations.length} axe violation(s) on ${outcome.url}:`];
	for (const v of outcome.violations) {
		lines.push(`- [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})`);
		for (const n of v.nodes) lines.push(`    ${n.target}${n.summary ? `\n      ${n.summary.replace(/\n/g, '\n      ')}` : ''}`);
	}
	return lines.join('\n');
}

/** Fails with a readable list (rule, impact, help, target nodes) when axe finds anything. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	const outcome = await runAxe(page);
	expect(outcome.passes, `axe did not run any rule on ${outcome.url}`).toBeGreaterThan(0);
	if (outcome.violations.length) expect.fail(formatViolations(outcome));
}
