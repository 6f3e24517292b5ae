import type { Page } from 'playwright-core';

/** What a person meets on every page besides axe's WCAG rules: its title, its landmarks, its form controls. */
export interface PageShape {
	title: string;
	/** Landmarks that share their role and name with another one (axe's `landmark-unique`). */
	duplicateLandmarks: string[];
	/** Visible text fields and buttons with the browser's own look instead of the portal's. */
	unstyled: string[];
}

/** A page title longer than this is cut off in tabs and search results. */
export const TITLE_LIMIT = 70;

/** Reads the page's shape; axe must already be in the page (`runAxe` puts it there). */
export async function pageShape(page: Page): Promise<PageShape> {
	return page.evaluate(async () => {
		type Result = { violations: { nodes: { target: unknown[] }[] }[] };
		const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<Result> } }).axe;
		const landmarks = await axe.run(document, { runOnly: { type: 'rule', values: ['landmark-unique'] }, resultTypes: ['violations'] });
		const visible = (el: Element) => (el as HTMLElement).offsetParent !== null && getComputedStyle(el).visibility !== 'hidden';
		const describe = (el: Element) =>
			`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
		const notText = new Set(['checkbox', 'radio', 'hidden', 'submit', 'button', 'reset', 'file', 'image', 'range', 'color']);
		const fields = [...document.querySelectorAll('input, select, textarea')].filter(
			(el) => visible(el) && !(el instanceof HTMLInputElement && notText.has(el.type))
		);
		// The portal's fields have a solid 2 px border; the browser's own input has an inset one, its select and textarea 1 px.
		const plainFields = fields.filter((el) => {
			const s = getComputedStyle(el);
			return s.borderTopWidth !== '2px' || s.borderTopStyle !== 'solid';
		});
		// The browser's own button has an outset border; every portal button sets its own.
		const plainButtons = [...document.querySelectorAll('button, input[type=submit], input[type=button]')].filter(
			(el) => visible(el) && getComputedStyle(el).borderTopStyle === 'outset'
		);
		return {
			title: document.title,
			duplicateLandmarks: landmarks.violations.flatMap((v) => v.nodes.map((n) => n.target.map(String).join(' '))),
			unstyled: [...plainFields, ...plainButtons].map(describe)
		};
	});
}

/** What is wrong with a page's shape, one line each. */
export function shapeProblems(where: string, s: PageShape): string[] {
	const problems: string[] = [];
	if (s.title.length >= TITLE_LIMIT) problems.push(`${where}: title of ${s.title.length} characters: "${s.title}"`);
	if (s.duplicateLandmarks.length) problems.push(`${where}: landmarks with the same name: ${s.duplicateLandmarks.join(', ')}`);
	if (s.unstyled.length) problems.push(`${where}: controls without the portal's style: ${s.unstyled.join(', ')}`);
	return problems;
}
