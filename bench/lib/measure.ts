import { createServer } from 'node:net';

/** The p-th percentile (nearest rank) of a list of numbers. */
export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[rank - 1];
}

/** A numeric command-line option `--name N`, or `fallback`. */
export function numberArg(name: string, fallback: number): number {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

export interface Figures {
	p50: number;
	p95: number;
	p99: number;
	max: number;
}

/** The percentiles a bench prints of a list of durations (ms). */
export const figures = (t: number[]): Figures => ({ p50: percentile(t, 50), p95: percentile(t, 95), p99: percentile(t, 99), max: Math.max(...t) });
export const figuresLine = (f: Figures) => `p50 ${f.p50.toFixed(1)} ms   p95 ${f.p95.toFixed(1)} ms   p99 ${f.p99.toFixed(1)} ms   max ${f.max.toFixed(1)} ms`;

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
		srv.on('error', reject);
	});
}

export async function waitForHealthy(base: string, timeoutMs: number): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		try {
			if ((await fetch(`${base}/healthz`)).status === 200) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`${base} did not become healthy`);
}
