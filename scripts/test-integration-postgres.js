// The integration tests again, on the PostgreSQL server of DATABASE_URL (TEST_DB=postgres: every test
// file gets its own fresh database there, dropped afterwards; see tests/fixtures/db.ts).
// Without DATABASE_URL this pass is skipped, and says so.
import { spawnSync } from 'node:child_process';

export function postgresSkipReason(env = process.env) {
	return env.DATABASE_URL ? null : 'DATABASE_URL is not set (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test, or run .ci/run)';
}

/** Redacts the password of a database URL for printing. */
export function redact(url) {
	try {
		const u = new URL(url);
		if (u.password) u.password = '***';
		return u.toString();
	} catch {
		return '(unparseable DATABASE_URL)';
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const reason = postgresSkipReason();
	if (reason) {
		console.log(`integration tests on PostgreSQL: SKIPPED — ${reason}`);
		process.exit(0);
	}
	console.log(`integration tests on PostgreSQL (${redact(process.env.DATABASE_URL)})`);
	const run = spawnSync('npx', ['vitest', 'run', '--project', 'integration', ...process.argv.slice(2)], {
		stdio: 'inherit',
		env: { ...process.env, TEST_DB: 'postgres' }
	});
	process.exit(run.status ?? 1);
}
