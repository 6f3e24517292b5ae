import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, sql } from 'drizzle-orm';
import { createDb, type DbHandle } from '../../../src/lib/server/db';
import { municipalities, users } from '../../../src/lib/server/db/schema';
import { copyTemplate, isEmptyDataDir, makeTemplate, pickTemplate } from '../../../src/lib/server/db/template';
import { seedIfEmpty } from '../../../src/lib/server/seed';
import { prepareDatabase } from '../../../src/lib/server/seed/startup';
import { todayInNl } from '../../../src/lib/validation/decisions';
import { testBackend } from '../../fixtures/db';

/**
 * A first start on an empty embedded database begins from the copies prepared with the build. PGlite only: a
 * PostgreSQL server's database is made by its administrator.
 */
describe.skipIf(testBackend !== 'pglite')('the prepared copies of the embedded database (PGlite only)', () => {
	let root: string;
	let templates: string;
	const folder = (name: string) => path.join(root, name);
	const open = (dataDir: string, template?: string) => createDb({ dataDir, template });
	const rowsIn = async (h: DbHandle, table: typeof users | typeof municipalities) => (await h.db.select({ n: count() }).from(table))[0].n;
	const migrationsApplied = async (h: DbHandle) =>
		((await h.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as { rows: { n: number }[] }).rows[0].n;
	const journalEntries = () => JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')).entries.length as number;

	beforeAll(async () => {
		root = mkdtempSync(path.join(tmpdir(), 'rp-template-'));
		templates = folder('templates');
		// The region copy as the build makes it; the demo copy with only the demo accounts (the story is tested elsewhere).
		await makeTemplate(async (dataDir, opts) => {
			const h = await open(dataDir);
			try {
				if (opts.demo) await seedIfEmpty(h.db, { demo: true });
				else await prepareDatabase(h, opts);
			} finally {
				await h.close();
			}
		}, templates);
	}, 120_000);
	afterAll(() => rmSync(root, { recursive: true, force: true }));

	it('starts an empty folder as a migrated database with the region, without creating a cluster or migrating', async () => {
		const picked = pickTemplate({ demo: false, dir: templates })!;
		expect(picked.demo).toBe(false);
		const h = await open(folder('first-start'), picked.dir);
		try {
			expect(await migrationsApplied(h)).toBe(journalEntries());
			expect(await rowsIn(h, municipalities)).toBe(5);
			expect(await rowsIn(h, users)).toBe(0);
		} finally {
			await h.close();
		}
	});

	it('gives the demo copy only on the day it was made, and the region copy without demo data', () => {
		expect(pickTemplate({ demo: true, dir: templates })).toMatchObject({ demo: true, dir: path.join(templates, 'demo') });
		expect(pickTemplate({ demo: true, dir: templates, today: '2099-01-01' })).toMatchObject({ demo: false, dir: path.join(templates, 'region') });
		expect(pickTemplate({ demo: false, dir: templates, today: todayInNl() })).toMatchObject({ demo: false });
	});

	it('is not used for other migrations than the project has, nor when there is none', () => {
		const other = folder('other-migrations');
		copyTemplate(path.join(templates, 'region'), path.join(other, 'region'));
		writeFileSync(path.join(other, 'template.json'), JSON.stringify({ migrations: 'made-for-older-migrations', demoDay: null }));
		expect(pickTemplate({ demo: false, dir: other })).toBeNull();
		expect(pickTemplate({ demo: false, dir: folder('no-such-folder') })).toBeNull();
	});

	it('never copies over a folder that holds a database', async () => {
		const dataDir = folder('existing');
		const first = await open(dataDir, path.join(templates, 'region'));
		await first.db.execute(sql`update municipalities set name = 'Leiden (eigen wijziging)' where id = 'leiden'`);
		await first.close();
		const again = await open(dataDir, path.join(templates, 'demo'));
		try {
			expect(await rowsIn(again, users)).toBe(0);
			const [{ name }] = await again.db
				.select({ name: municipalities.name })
				.from(municipalities)
				.where(sql`id = 'leiden'`);
			expect(name).toBe('Leiden (eigen wijziging)');
		} finally {
			await again.close();
		}
	});

	it('counts a copy cut short as empty and makes it again', async () => {
		const dataDir = folder('cut-short');
		copyTemplate(path.join(templates, 'demo'), dataDir);
		// The marker is copied last: a copy that stopped before it has every other file, or only some.
		unlinkSync(path.join(dataDir, 'PG_VERSION'));
		rmSync(path.join(dataDir, 'global'), { recursive: true });
		expect(isEmptyDataDir(dataDir)).toBe(true);
		const h = await open(dataDir, path.join(templates, 'demo'));
		try {
			expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
			expect(await rowsIn(h, users)).toBeGreaterThan(0);
		} finally {
			await h.close();
		}
	});
});
