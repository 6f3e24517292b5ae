// Builds the production bundle when it is missing or older than any source it is made from.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const output = 'build/handler.js';
const sources = ['src', 'drizzle', 'messages', 'static', 'package.json', 'svelte.config.js', 'vite.config.ts', 'project.inlang/settings.json'];

function newest(p) {
	if (!existsSync(p)) return 0;
	const s = statSync(p);
	if (!s.isDirectory()) return s.mtimeMs;
	return Math.max(
		0,
		...readdirSync(p)
			.filter((n) => n !== 'paraglide')
			.map((n) => newest(path.join(p, n)))
	);
}

/**
 * `quiet`: the bundler's own report (plugin timings, chunk sizes, its advice to preview) is kept back and
 * shown only when the build fails, so whoever runs `npm start` sees what they need and nothing else.
 */
export function buildIfNeeded({ quiet = false } = {}) {
	const built = existsSync(output) ? statSync(output).mtimeMs : 0;
	if (built && Math.max(...sources.map(newest)) < built) return false;
	console.log(quiet ? 'Regioportaal: bouwen… (na een wijziging of de eerste keer, ongeveer een minuut)' : 'Regioportaal: bouwen…');
	if (!quiet) {
		execSync('npm run --silent build', { stdio: 'inherit' });
		return true;
	}
	const result = spawnSync('npm', ['run', '--silent', 'build'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0' } });
	if (result.status !== 0) {
		process.stdout.write(result.stdout ?? '');
		process.stderr.write(result.stderr ?? '');
		throw new Error(`Regioportaal: bouwen mislukt${result.error ? ` (${result.error.message})` : ''}; de uitvoer van de bouw staat hierboven.`);
	}
	return true;
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfNeeded();
