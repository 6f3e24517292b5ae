import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** Development: socket.io on Vite's own HTTP server, with the same handlers as production (server.js). */
function realtimeDevServer(): Plugin {
	return {
		name: 'regioportaal-realtime',
		apply: 'serve',
		async configureServer(server) {
			if (!server.httpServer) return;
			const { createIo } = await import('./src/lib/server/realtime/io.js' as string);
			const io = createIo();
			io.attach(server.httpServer);
			const mod = await server.ssrLoadModule('/src/lib/server/realtime/setup.ts');
			await mod.setupRealtime(io);
		}
	};
}

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// Dutch unless the person chose English: the browser's language must not flip a Dutch public portal.
			strategy: ['cookie', 'baseLocale']
		}),
		sveltekit(),
		realtimeDevServer()
	],
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: { name: 'unit', environment: 'node', pool: 'threads', include: ['tests/unit/**/*.test.ts'] }
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'integration',
					environment: 'node',
					// On the embedded database, one process per file: many PGlite instances starting and stopping in the
					// threads of one process now and then kill it in V8 itself ("Check failed: jit_page..." while it frees
					// WebAssembly code; README, "The test suite"). Slower (524 s against 292 s), but a run that finishes.
					// On PostgreSQL no test starts a PGlite, and threads exit cleanly.
					pool: process.env.TEST_DB === 'postgres' ? 'threads' : 'forks',
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/fixtures/pglite-template.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000,
					// Two files at a time even on two cores: much of a test's time is spent waiting (the database thread,
					// timers, the SMTP outage test's minute), which the other file uses.
					maxWorkers: 2
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'e2e',
					environment: 'node',
					include: ['tests/e2e/**/*.test.ts'],
					globalSetup: ['tests/e2e/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false
				}
			}
		]
	}
});
