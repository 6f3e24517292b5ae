// Architecture rules, checked by scanning the imports of every source file under src/ (no dependency: a small
// scanner that reads import/export-from/import() specifiers, type-only ones included, and resolves relative
// paths and the $lib alias to real files).
//
//  a. Route files (everything under src/routes/) and socket handlers (src/lib/server/realtime/) hold no
//     queries: they import neither the drizzle schema (src/lib/server/db/schema) nor drizzle-orm.
//  b. A domain module (src/lib/server/modules/<name>/) imports nothing from src/lib/server/realtime/, and
//     reaches another module only through its entry (modules/<other> or modules/<other>/index).
//  c. Client code (every .svelte file, src/lib/ outside src/lib/server/, universal +page.ts/+layout.ts)
//     imports nothing from src/lib/server/.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Source files to scan, keyed by their path from the repository root ('src/lib/x.ts'). */
type Sources = Map<string, string>;

interface ImportEdge {
	/** the importing file, from the repository root */
	from: string;
	/** the specifier as written */
	spec: string;
	/** the file it resolves to (from the repository root), or the package name for a bare specifier */
	target: string;
}

const SOURCE = /\.(ts|js|svelte)$/;
/** Generated (paraglide) or not application code. */
const SKIP = ['src/lib/paraglide/'];

function walk(dir: string, out: string[] = []): string[] {
	for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
		const rel = `${dir}/${entry.name}`;
		if (SKIP.some((s) => `${rel}/`.startsWith(s))) continue;
		if (entry.isDirectory()) walk(rel, out);
		else if (SOURCE.test(entry.name)) out.push(rel);
	}
	return out;
}

function readSources(): Sources {
	return new Map(walk('src').map((f) => [f, readFileSync(path.join(root, f), 'utf8')]));
}

/** Import specifiers of one file: static (also `import type`, `export … from`), side-effect and dynamic imports. */
function specifiersOf(code: string): string[] {
	const text = code
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/^\s*\/\/.*$/gm, '');
	const found: string[] = [];
	const patterns = [
		// import x from 'a'; import type { X } from 'a'; import * as x from 'a'; export { x } from 'a'; export * from 'a'
		/(?:^|[\s;{}(])(?:import|export)\s+(?:type\s+)?[\w*${},\s]*?\bfrom\s*['"]([^'"\n]+)['"]/g,
		// import 'a'
		/(?:^|[\s;{}(])import\s*['"]([^'"\n]+)['"]/g,
		// import('a'), typeof import('a')
		/\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g
	];
	for (const re of patterns) for (const m of text.matchAll(re)) found.push(m[1]);
	return [...new Set(found)];
}

const EXTENSIONS = ['', '.ts', '.js', '.svelte', '.svelte.ts', '.svelte.js', '/index.ts', '/index.js'];

/** The file a specifier names, from the repository root; a bare specifier stays as written. */
function resolveSpecifier(from: string, spec: string, files: ReadonlySet<string>): string {
	let base: string;
	if (spec === '$lib' || spec.startsWith('$lib/')) base = `src/lib${spec.slice('$lib'.length)}`;
	else if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') base = path.posix.join(path.posix.dirname(from), spec);
	else return spec;
	base = base.replace(/\/$/, '');
	const candidates = [base, base.replace(/\.js$/, '')];
	for (const c of candidates) for (const ext of EXTENSIONS) if (files.has(c + ext)) return c + ext;
	return base;
}

function importEdges(sources: Sources): ImportEdge[] {
	const files = new Set(sources.keys());
	const edges: ImportEdge[] = [];
	for (const [from, code] of sources) for (const spec of specifiersOf(code)) edges.push({ from, spec, target: resolveSpecifier(from, spec, files) });
	return edges;
}

const under = (file: string, dir: string) => file === dir || file.startsWith(`${dir}/`);
const show = (e: ImportEdge) => `${e.from} → ${e.spec}${e.target !== e.spec ? ` (${e.target})` : ''}`;

/** Realtime files allowed to use the schema or drizzle-orm (co-editing storage plumbing). Keep it empty. */
const REALTIME_QUERY_ALLOW: string[] = [];

/** a. Routes and socket handlers hold no queries. */
function queriesOutsideModules(edges: ImportEdge[]): string[] {
	return edges
		.filter((e) => under(e.from, 'src/routes') || (under(e.from, 'src/lib/server/realtime') && !REALTIME_QUERY_ALLOW.includes(e.from)))
		.filter((e) => e.target === 'drizzle-orm' || e.target.startsWith('drizzle-orm/') || under(e.target.replace(/\.(ts|js)$/, ''), 'src/lib/server/db/schema'))
		.map(show);
}

const MODULES = 'src/lib/server/modules';
const moduleOf = (file: string) => (under(file, MODULES) ? file.slice(MODULES.length + 1).split('/')[0] : null);

/** b. Modules never reach into realtime, and reach other modules only through their entry. */
function moduleBoundaryBreaches(edges: ImportEdge[]): string[] {
	return edges
		.filter((e) => {
			const own = moduleOf(e.from);
			if (own === null) return false;
			if (under(e.target, 'src/lib/server/realtime')) return true;
			const other = moduleOf(e.target);
			if (other === null || other === own) return false;
			const inner = e.target.slice(`${MODULES}/${other}`.length);
			return !['', '/index', '/index.ts', '/index.js'].includes(inner);
		})
		.map(show);
}

const isClientFile = (file: string) =>
	file.endsWith('.svelte') ||
	(under(file, 'src/lib') && !under(file, 'src/lib/server')) ||
	(under(file, 'src/routes') && /\/\+(page|layout)\.(ts|js)$/.test(file));

/** c. Client code imports nothing from src/lib/server. */
function serverImportsInClientCode(edges: ImportEdge[]): string[] {
	return edges.filter((e) => isClientFile(e.from) && under(e.target, 'src/lib/server')).map(show);
}

const failure = (rule: string, found: string[]) => `${rule}: ${found.length} import(s) break it:\n  ${found.join('\n  ')}\n`;

describe('architecture', () => {
	const edges = importEdges(readSources());

	it('scans the tree (sanity: it finds the imports it should)', () => {
		expect(edges.length).toBeGreaterThan(500);
		expect(edges.some((e) => e.from === 'src/hooks.server.ts' && e.target.startsWith('src/lib/server/'))).toBe(true);
	});

	it('a. route files and socket handlers import neither the drizzle schema nor drizzle-orm', () => {
		const found = queriesOutsideModules(edges);
		expect(found, failure('routes and realtime handlers hold no queries', found)).toEqual([]);
	});

	it('b. modules import nothing from realtime/, and other modules only through their index', () => {
		const found = moduleBoundaryBreaches(edges);
		expect(found, failure('module boundaries', found)).toEqual([]);
	});

	it('c. components and client files import nothing from $lib/server', () => {
		const found = serverImportsInClientCode(edges);
		expect(found, failure('client code stays off $lib/server', found)).toEqual([]);
	});

	it('self-check: the scanner catches each kind of violation in a synthetic tree', () => {
		const synthetic: Sources = new Map([
			['src/lib/server/db/schema/index.ts', 'export const users = {};'],
			['src/lib/server/realtime/publish.ts', 'export function publish() {}'],
			['src/lib/server/modules/users/index.ts', "export * from './queries';"],
			['src/lib/server/modules/users/queries.ts', "import { eq } from 'drizzle-orm';\nimport { users } from '../../db/schema';"],
			// a: a route and a handler with queries
			['src/routes/x/+page.server.ts', "import { users } from '$lib/server/db/schema';\nimport {\n\teq,\n\tand\n} from 'drizzle-orm';"],
			['src/lib/server/realtime/handler.ts', "import type { users } from '../db/schema/index.js';\nconst o = await import('drizzle-orm/pg-core');"],
			// b: a module that publishes and reaches into another module's inner file; and one that does it right
			['src/lib/server/modules/meetings/start.ts', "import { publish } from '$lib/server/realtime/publish';\nimport { q } from '../users/queries';"],
			[
				'src/lib/server/modules/meetings/ok.ts',
				"import { q } from '$lib/server/modules/users';\nimport { r } from '../users/index.js';\nimport { s } from './start';"
			],
			// c: a component and a client module using server code (one type-only); a comment that does not count
			['src/lib/components/X.svelte', '<script lang="ts">\n\timport type { SessionUser } from \'$lib/server/auth/auth-session\';\n</script>'],
			['src/lib/live.ts', "// import { x } from '$lib/server/bus';\nexport type T = typeof import('./server/bus');"],
			['src/lib/server/bus.ts', 'export {};'],
			['src/routes/x/+page.ts', "import { a } from '../../lib/server/bus';"]
		]);
		const e = importEdges(synthetic);
		expect(queriesOutsideModules(e)).toEqual([
			'src/routes/x/+page.server.ts → $lib/server/db/schema (src/lib/server/db/schema/index.ts)',
			'src/routes/x/+page.server.ts → drizzle-orm',
			'src/lib/server/realtime/handler.ts → ../db/schema/index.js (src/lib/server/db/schema/index.ts)',
			'src/lib/server/realtime/handler.ts → drizzle-orm/pg-core'
		]);
		expect(moduleBoundaryBreaches(e)).toEqual([
			'src/lib/server/modules/meetings/start.ts → $lib/server/realtime/publish (src/lib/server/realtime/publish.ts)',
			'src/lib/server/modules/meetings/start.ts → ../users/queries (src/lib/server/modules/users/queries.ts)'
		]);
		expect(serverImportsInClientCode(e)).toEqual([
			'src/lib/components/X.svelte → $lib/server/auth/auth-session (src/lib/server/auth/auth-session)',
			'src/lib/live.ts → ./server/bus (src/lib/server/bus.ts)',
			'src/routes/x/+page.ts → ../../lib/server/bus (src/lib/server/bus.ts)'
		]);
	});
});
