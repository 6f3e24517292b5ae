import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * scripts/build-if-needed.js in a child process with its output captured: one line when all is well,
 * the whole build log when the build fails. Other engineers edit src/ in parallel, so a failed build
 * is retried a few times before giving up.
 */
export async function buildIfNeededQuietly(attempts = 3): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		const started = Date.now();
		const { code, output } = await run();
		if (code === 0) {
			const built = output.includes('Regioportaal: bouwen');
			console.log(`e2e: production bundle ${built ? `built in ${((Date.now() - started) / 1000).toFixed(1)} s` : 'up to date'}`);
			return;
		}
		if (attempt >= attempts) throw new Error(`vite build failed ${attempts} times; last output:\n${output}`);
		console.warn(`e2e: build failed (attempt ${attempt} of ${attempts}), retrying in 10 s`);
		await new Promise((r) => setTimeout(r, 10_000));
	}
}

function run(): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['--input-type=module', '-e', "import { buildIfNeeded } from './scripts/build-if-needed.js'; buildIfNeeded();"], {
			cwd: root,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('exit', (code) => resolve({ code, output }));
	});
}
