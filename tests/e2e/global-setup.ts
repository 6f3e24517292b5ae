/**
 * One production server and one Chromium for the whole end-to-end run:
 * builds the bundle when needed, starts `node server.js` (NODE_ENV=production) on a random port with
 * a fresh DATA_DIR (so it creates the embedded PGlite database and loads the demo data), waits for
 * GET /healthz = 200, and hands the base URL and the browser endpoint to the tests.
 *
 * E2E_DATABASE_URL=postgres://… runs the server on PostgreSQL instead: a fresh database is created on
 * that server (migrated, demo data loaded) and dropped afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildIfNeededQuietly } from './support/build';
import { startServer, type RunningServer } from './support/server';
import { launchBrowserServer } from './support/browser';
import { createPostgresDatabase, type PostgresDatabase } from './support/postgres';
import { loginOverHttp } from './support/auth';
import { DEMO_PASSWORD, RATE_LIMIT_ACCOUNT } from './support/accounts';

/**
 * Whether the TOTP enrolment page is built yet: a college member (2FA required, not set up) opens it.
 * Asked once, before any test enrols or locks an account.
 */
async function probeTwoFactorSetupPage(base: string): Promise<boolean> {
	const { cookie } = await loginOverHttp(RATE_LIMIT_ACCOUNT, DEMO_PASSWORD, base);
	const res = await fetch(new URL('/account/tweestaps-instellen', base), { headers: { cookie }, redirect: 'manual' });
	await fetch(new URL('/uitloggen', base), { method: 'POST', headers: { cookie, origin: new URL(base).origin }, redirect: 'manual' });
	if (res.status !== 200) console.log(`e2e: /account/tweestaps-instellen answers ${res.status}: the 2FA enrolment tests are skipped`);
	return res.status === 200;
}

export default async function setup(project: TestProject) {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'rp-e2e-'));
	let server: RunningServer | undefined;
	let pg: PostgresDatabase | undefined;
	const browserServer = await launchBrowserServer();
	const cleanUp = async () => {
		await browserServer.close().catch(() => {});
		await server?.stop();
		if (server && process.env.E2E_SERVER_LOG) console.log(server.output());
		await pg?.drop();
		rmSync(dataDir, { recursive: true, force: true });
	};
	try {
		await buildIfNeededQuietly();
		if (process.env.E2E_DATABASE_URL) pg = await createPostgresDatabase(process.env.E2E_DATABASE_URL);
		server = await startServer({ dataDir, databaseUrl: pg?.url });
		console.log(`e2e: server.js (production${pg ? ', PostgreSQL' : ', PGlite'}) on ${server.url}`);
		project.provide('baseURL', server.url);
		project.provide('browserWSEndpoint', browserServer.wsEndpoint());
		project.provide('twoFactorSetupPage', await probeTwoFactorSetupPage(server.url));
	} catch (err) {
		await cleanUp();
		throw err;
	}
	return cleanUp;
}
