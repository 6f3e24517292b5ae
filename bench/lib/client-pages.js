// The JavaScript a browser loads for each page of the production build, read from SvelteKit's own manifests:
// the server manifest names each page's nodes (layouts + leaf) and the client's entry files, Vite's client
// manifest gives each file's static and dynamic imports. What SvelteKit preloads for a page is the entry
// (start + app) and the page's nodes, each with everything it imports statically.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {{ file: string, imports?: string[], dynamicImports?: string[], src?: string, name?: string }} Chunk
 * @typedef {{ id: string, path: string, nodes: number[] }} Page
 * @typedef {{ clientDir: string, chunks: Record<string, Chunk>, byFile: Map<string, string>, entry: string[], pages: Page[] }} ClientGraph
 */

/** `/(app)/agenda/[id]` → `/agenda/[id]`: the path a visitor sees (route groups are not in it). */
export const routePath = (/** @type {string} */ id) => id.replace(/\/\([^)]+\)/g, '') || '/';

/**
 * @param {string} root the repository, holding build/ and .svelte-kit/output/ of the same `npm run build`
 * @returns {ClientGraph}
 */
export function readClientGraph(root) {
	const clientDir = path.join(root, 'build/client');
	const viteManifest = path.join(root, '.svelte-kit/output/client/.vite/manifest.json');
	const serverManifest = path.join(root, '.svelte-kit/output/server/manifest-full.js');
	for (const p of [clientDir, viteManifest, serverManifest]) if (!existsSync(p)) throw new Error(`${p} is missing: run npm run build first`);
	/** @type {Record<string, Chunk>} */
	const chunks = JSON.parse(readFileSync(viteManifest, 'utf8'));
	const { start, app, pages } = parseServerManifest(readFileSync(serverManifest, 'utf8'));
	const byFile = new Map(Object.entries(chunks).map(([key, chunk]) => [chunk.file, key]));
	const entry = [start, app].map((file) => keyOf(byFile, file));
	// A file the server manifest names must be in the client output, or the two are from different builds.
	for (const key of entry)
		if (!existsSync(path.join(clientDir, chunks[key].file))) throw new Error(`${chunks[key].file} missing: build/ and .svelte-kit/ differ`);
	return { clientDir, chunks, byFile, entry, pages };
}

/**
 * The client entry files and the page routes of SvelteKit's generated server manifest. Read as text, not
 * imported: importing build output would run it (and under vitest, keep its module runner busy).
 * @param {string} text
 */
export function parseServerManifest(text) {
	const start = text.match(/\bstart:\s*"([^"]+)"/)?.[1];
	const app = text.match(/\bapp:\s*"([^"]+)"/)?.[1];
	/** @type {Page[]} */
	const pages = [];
	for (const route of text.matchAll(/\bid:\s*"([^"]+)",[\s\S]*?\bpage:\s*(null|\{[^}]*\})/g)) {
		if (route[2] === 'null') continue;
		const layouts = route[2].match(/layouts:\s*\[([^\]]*)\]/)?.[1] ?? '';
		const leaf = route[2].match(/leaf:\s*(\d+)/)?.[1];
		pages.push({ id: route[1], path: routePath(route[1]), nodes: [...(layouts.match(/\d+/g) ?? []), leaf].filter((n) => n !== undefined).map(Number) });
	}
	if (!start || !app || !pages.length) throw new Error('the server manifest is not in the form SvelteKit 2 writes (client.start, client.app, routes)');
	return { start, app, pages };
}

function keyOf(/** @type {Map<string, string>} */ byFile, /** @type {string} */ file) {
	const key = byFile.get(file);
	if (!key) throw new Error(`${file} is not in Vite's client manifest`);
	return key;
}

/** The manifest key of route node `n` (`.svelte-kit/generated/client-optimized/nodes/13.js`). */
function nodeKey(/** @type {ClientGraph} */ graph, /** @type {number} */ n) {
	const key = Object.keys(graph.chunks).find((k) => graph.chunks[k].name === `nodes/${n}` || k.endsWith(`/nodes/${n}.js`));
	if (!key) throw new Error(`node ${n} is not in Vite's client manifest`);
	return key;
}

/** `keys` and everything they import statically, as manifest keys. */
function staticClosure(/** @type {ClientGraph} */ graph, /** @type {string[]} */ keys, seen = new Set()) {
	for (const key of keys) {
		if (seen.has(key)) continue;
		seen.add(key);
		staticClosure(graph, graph.chunks[key].imports ?? [], seen);
	}
	return seen;
}

const isRouteNode = (/** @type {string} */ key) => /\/nodes\/\d+\.js$/.test(key);

/**
 * The JavaScript files (paths under build/client) of one page: `loaded` up front (entry + nodes + their static
 * imports, deduplicated), and `lazy`: what those import with import() (the editor, a chart), other pages not
 * counted (the app entry imports every page's node lazily).
 * @param {ClientGraph} graph
 * @param {Page} page
 */
export function pageFiles(graph, page) {
	const loaded = staticClosure(graph, [...graph.entry, ...page.nodes.map((n) => nodeKey(graph, n))]);
	const dynamic = [...loaded].flatMap((key) => graph.chunks[key].dynamicImports ?? []).filter((key) => !isRouteNode(key));
	const lazy = [...staticClosure(graph, dynamic)].filter((key) => !loaded.has(key));
	const files = (/** @type {Iterable<string>} */ keys) => [...keys].map((key) => graph.chunks[key].file).filter((f) => f.endsWith('.js'));
	return { loaded: files(loaded), lazy: files(lazy) };
}

/** Every JavaScript file in the client output (the manifests aside), by its path under build/client. */
export function allClientFiles(/** @type {ClientGraph} */ graph) {
	return readdirSync(graph.clientDir, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.js'))
		.map((f) => f.split(path.sep).join('/'));
}
