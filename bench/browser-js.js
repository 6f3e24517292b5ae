#!/usr/bin/env node
// `npm run bench:browser-js`: the JavaScript a browser loads per page of the production build (entry + the page's
// nodes + their static imports, each file once), raw and compressed per file (gzip level 9, brotli quality 11:
// what a browser downloads), and a leak check: no text of a message that no browser code uses (server-only
// messages such as the mails, in any language) may be in any browser chunk. Exits 1 when one is.
// Reads build/ and .svelte-kit/output/ as `npm run build` left them; builds nothing.
// Usage: npm run bench:browser-js [-- --all] [-- --root <dir>] [-- --json]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { checkBuild } from './lib/build-leaks.js';
import { pageFiles } from './lib/client-pages.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const argAfter = (/** @type {string} */ name) => {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : undefined;
};
/** Another copy of build/ + .svelte-kit/output/ (e.g. kept from before a change); sources and messages stay this repo's. */
const root = path.resolve(argAfter('--root') ?? repo);

/** The pages the issue names; --all prints every page route. */
const PAGES = [
	'/(app)',
	'/(app)/agenda',
	'/(app)/agenda/[id]',
	'/(app)/standpunten',
	'/(app)/gemeenten',
	'/(app)/gemeenten/[id]',
	'/(app)/inventarisatie',
	'/(app)/sessies',
	'/(app)/zoeken',
	'/(public)/openbaar',
	'/(app)/samenwerkingen/[id]'
];

const { graph, messages, browserKeys, probes, files, leaks } = checkBuild(repo, root);
const textOf = (/** @type {string} */ file) => files.get(file) ?? '';

/** @typedef {{ raw: number, gzip: number, brotli: number }} Sizes */
/** @type {Map<string, Sizes>} */
const sizes = new Map();
/** A file's sizes, compressed on its own as a server sends it. */
function sized(/** @type {string} */ file) {
	let s = sizes.get(file);
	if (!s) {
		const buf = Buffer.from(textOf(file));
		const brotli = brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } });
		s = { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, brotli: brotli.length };
		sizes.set(file, s);
	}
	return s;
}
const sum = (/** @type {Sizes[]} */ list) =>
	list.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });

const localeTexts = new Map(messages.flatMap((m) => Object.entries(m.texts).map(([locale, texts]) => [`${m.key}:${locale}`, texts.join('\n')])));
/**
 * The English text of the browser's messages in a set of files, each message once: raw, and gzipped on its own
 * (roughly what it adds to the compressed files).
 */
function englishIn(/** @type {string[]} */ fileNames) {
	const found = probes.otherLocale.filter((p) => fileNames.some((f) => textOf(f).includes(p.probe)));
	const english = found.map((p) => localeTexts.get(`${p.key}:${p.locale}`)).join('\n');
	return { raw: Buffer.byteLength(english), gzip: english ? gzipSync(english, { level: 9 }).length : 0 };
}

const chosen = process.argv.includes('--all') ? graph.pages : PAGES.flatMap((id) => graph.pages.filter((p) => p.id === id));
const rows = chosen.map((page) => {
	const { loaded, lazy } = pageFiles(graph, page);
	return { page: page.path, files: loaded.length, ...sum(loaded.map(sized)), lazyGzip: sum(lazy.map(sized)).gzip, english: englishIn(loaded) };
});
const all = [...files.keys()];
const allSizes = sum(all.map(sized));
const allEnglish = englishIn(all);

const kb = (/** @type {number} */ bytes) => (bytes / 1024).toFixed(1);
const pad = (/** @type {string | number} */ v, /** @type {number} */ n) => String(v).padStart(n);
const line = (/** @type {string} */ name, /** @type {string | number} */ count, /** @type {Sizes} */ s, extra = '') =>
	console.log(`${name.padEnd(26)}${pad(count, 6)}${pad(kb(s.raw), 9)}${pad(kb(s.gzip), 9)}${pad(kb(s.brotli), 8)}${extra}`);

console.log(`bench:browser-js — ${path.relative(repo, graph.clientDir) || graph.clientDir}: the JavaScript a browser loads per page`);
console.log('(entry + layouts + page + their static imports, each file once; compressed per file: gzip -9, brotli -q 11)\n');
console.log(`${'page'.padEnd(26)}${pad('files', 6)}${pad('raw KB', 9)}${pad('gzip KB', 9)}${pad('br KB', 8)}${pad('+lazy gz', 10)}${pad('en raw/gz', 12)}`);
for (const r of rows) line(r.page, r.files, r, `${pad(kb(r.lazyGzip), 10)}${pad(`${kb(r.english.raw)}/${kb(r.english.gzip)}`, 12)}`);
line(`total (${rows.length} pages)`, '', sum(rows));
line('all JS in the build', all.length, allSizes, `${pad('', 10)}${pad(`${kb(allEnglish.raw)}/${kb(allEnglish.gzip)}`, 12)}`);
console.log('+lazy gz: loaded later with import() (the editor); en: English text of the messages in it, raw/gzipped alone\n');

const others = messages.filter((m) => !browserKeys.has(m.key));
console.log(
	`messages: ${messages.length}; browser code names ${browserKeys.size}, the other ${others.length} are server-only or unused (${others.filter((m) => m.area === 'mail').length} of them mails)`
);
console.log(
	`leak check: ${probes.forbidden.length} texts of those (every language) searched in ${all.length} files: ${leaks.length ? `${leaks.length} FOUND` : 'none found'}`
);
for (const l of leaks.slice(0, 10)) console.log(`  ${l.key} (${l.locale}) in ${l.file}: "${l.probe}"`);

const record = { bench: 'browser-js', at: new Date().toISOString(), root, rows, all: { files: all.length, ...allSizes, english: allEnglish }, leaks };
mkdirSync(path.join(repo, 'bench/results'), { recursive: true });
const out = path.join(repo, 'bench/results', `browser-js-${record.at.replace(/[:.]/g, '-')}.json`);
writeFileSync(out, JSON.stringify(record, null, '\t') + '\n');
console.log(`results: ${path.relative(repo, out)}`);
if (process.argv.includes('--json')) console.log(JSON.stringify(record));
process.exitCode = leaks.length ? 1 : 0;
