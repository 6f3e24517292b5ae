// Builds the production bundle when it is missing or older than any source it is made from.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const output = 'build/handler.js';
const sources = ['src', 'messages', 'static', 'package.json', 'svelte.config.js', 'vite.config.ts', 'project.inlang/settings.json'];

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

export function buildIfNeeded() {
	const built = existsSync(output) ? statSync(output).mtimeMs : 0;
	if (built && Math.max(...sources.map(newest)) < built) return false;
	console.log('Regioportaal: bouwen…');
	execSync('npx vite build', { stdio: 'inherit' });
	return true;
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfNeeded();
