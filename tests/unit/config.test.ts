import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/lib/server/config';

describe('demo data switch', () => {
	it('loads demo data on the embedded database, also in production', () => {
		expect(readConfig({}).demoAllowed).toBe(true);
		expect(readConfig({ NODE_ENV: 'production' }).demoAllowed).toBe(true);
	});
	it('never loads it at start-up in production on a real PostgreSQL server', () => {
		expect(readConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@db/y' }).demoAllowed).toBe(false);
		expect(readConfig({ DATABASE_URL: 'postgres://x@db/y' }).demoAllowed).toBe(true);
	});
	it('can be switched off', () => {
		expect(readConfig({ DEMO_DATA: 'off' }).demoAllowed).toBe(false);
	});
	it('defaults to port 3000 and ./data', () => {
		expect(readConfig({})).toMatchObject({ port: 3000, dataDir: './data', databaseUrl: undefined });
	});
});
