// The messages (messages/<area>/<locale>.json, as project.inlang names them) and which of them browser code uses:
// the keys named (`m.key`, `import { key } from '…/paraglide/messages.js'`) by a file that can reach the browser.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { variantTexts } from './message-leaks.js';

/** @typedef {import('./message-leaks.js').Message} Message */

/**
 * @param {string} root the repository
 * @returns {{ baseLocale: string, locales: string[], messages: Message[] }}
 */
export function readMessages(root) {
	const settings = JSON.parse(readFileSync(path.join(root, 'project.inlang/settings.json'), 'utf8'));
	/** @type {string[]} */
	const locales = settings.locales;
	/** @type {Map<string, Message>} */
	const byKey = new Map();
	for (const pattern of settings['plugin.inlang.messageFormat'].pathPattern) {
		const area = path.basename(path.dirname(pattern));
		for (const locale of locales) {
			const file = path.join(root, pattern.replace('{locale}', locale));
			for (const [key, value] of Object.entries(JSON.parse(readFileSync(file, 'utf8')))) {
				if (key === '$schema') continue;
				const message = byKey.get(key) ?? { key, area, texts: {} };
				message.texts[locale] = variantTexts(value);
				byKey.set(key, message);
			}
		}
	}
	return { baseLocale: settings.baseLocale, locales, messages: [...byKey.values()] };
}

/** Server-only by SvelteKit's rules: $lib/server, `*.server.*`, `+server.*`. Paraglide's output is not a source. */
const isServerOnly = (/** @type {string} */ rel) =>
	rel.startsWith('src/lib/server/') || rel.startsWith('src/lib/paraglide/') || /\.server\.(ts|js)$/.test(rel) || /(^|\/)\+server\.(ts|js)$/.test(rel);

/**
 * Every .svelte/.ts/.js file under src/ that a browser chunk may be built from, relative to `root`.
 * @param {string} root
 * @returns {string[]}
 */
export function browserSources(root, dir = 'src', /** @type {string[]} */ out = []) {
	for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
		const rel = `${dir}/${entry.name}`;
		if (entry.isDirectory()) browserSources(root, rel, out);
		else if (/\.(svelte|ts|js)$/.test(entry.name) && !isServerOnly(rel)) out.push(rel);
	}
	return out;
}

/** Message names one source file uses: `m.key` and names imported from paraglide's messages module. */
export function messageNamesIn(/** @type {string} */ code) {
	const names = [...code.matchAll(/\bm\.([A-Za-z_]\w*)/g)].map((match) => match[1]);
	for (const match of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"][^'"]*paraglide\/messages(?:\.js|\/_index\.js)?['"]/g)) {
		names.push(...match[1].split(',').map((name) => name.trim().split(/\s+as\s+/)[0]));
	}
	return names.filter(Boolean);
}

/**
 * The message keys browser code uses. An over-estimate (a name in a client file whose code the browser never
 * loads counts too), so the leak check never blames a message the browser is entitled to.
 * @param {string} root
 * @param {Message[]} messages
 */
export function browserMessageKeys(root, messages) {
	const known = new Set(messages.map((m) => m.key));
	const used = browserSources(root).flatMap((rel) => messageNamesIn(readFileSync(path.join(root, rel), 'utf8')));
	return new Set(used.filter((name) => known.has(name)));
}
