import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { todayInNl } from '../../validation/decisions';

/**
 * A first start on an empty embedded database begins from a copy prepared with the build
 * (scripts/database-template.ts) instead of creating the database cluster and applying every migration, which
 * took most of a first start. There are two copies: migrated with the region loaded, and the same with the demo
 * story told. The demo story's dates move with the calendar (a session "next week"), so that copy only serves a
 * first start on the day it was made; on a later day the migrated copy is used and the story told at start-up.
 * A copy made for other migrations than those in the project folder is never used.
 */

export const templateDir = path.resolve('build/database');
const files = { region: 'region', demo: 'demo', about: 'template.json' } as const;
/** PostgreSQL writes it when it creates a cluster: without it a folder holds no database. */
const clusterMarker = 'PG_VERSION';
/** The running process's claim on a data folder (single-node.ts): never part of a copy. */
const lockFile = 'regioportaal.lock';

interface About {
	migrations: string;
	demoDay: string | null;
}

/** A fingerprint of every migration file: a template made for other migrations would skip or repeat some. */
export function migrationsFingerprint(folder = path.resolve('drizzle')): string {
	const hash = createHash('sha256');
	for (const name of listFiles(folder))
		hash
			.update(name)
			.update('\0')
			.update(readFileSync(path.join(folder, name)));
	return hash.digest('hex');
}

function listFiles(folder: string, prefix = ''): string[] {
	return readdirSync(path.join(folder, prefix), { withFileTypes: true })
		.sort((a, b) => a.name.localeCompare(b.name))
		.flatMap((entry) => (entry.isDirectory() ? listFiles(folder, path.join(prefix, entry.name)) : [path.join(prefix, entry.name)]));
}

/** Whether `dataDir` holds no database yet (PostgreSQL writes PG_VERSION when it creates a cluster). */
export function isEmptyDataDir(dataDir: string): boolean {
	return !dataDir.startsWith('memory://') && !existsSync(path.join(dataDir, clusterMarker));
}

/**
 * Copies a prepared database folder into an empty data folder: the files first, the cluster's marker last, so a
 * copy cut short (a crash, a full disk) still counts as empty and is made again at the next start. A native
 * copy of the files takes a fraction of what loading an archive into the embedded database does.
 */
export function copyTemplate(from: string, to: string): void {
	mkdirSync(to, { recursive: true });
	for (const entry of readdirSync(from)) {
		if (entry !== clusterMarker && entry !== lockFile) cpSync(path.join(from, entry), path.join(to, entry), { recursive: true, force: true });
	}
	cpSync(path.join(from, clusterMarker), path.join(to, clusterMarker));
}

export interface Template {
	/** A folder with a closed embedded database in it. */
	dir: string;
	/** Whether the demo story is in it (then the start-up leaves it as it is). */
	demo: boolean;
}

/** The copy to start an empty database from, if there is a usable one. */
export function pickTemplate(opts: { demo: boolean; dir?: string; today?: string }): Template | null {
	const dir = opts.dir ?? templateDir;
	const about = readAbout(dir);
	if (!about || about.migrations !== migrationsFingerprint()) return null;
	const demo = opts.demo && about.demoDay === (opts.today ?? todayInNl()) && existsSync(path.join(dir, files.demo));
	const folder = path.join(dir, demo ? files.demo : files.region);
	return existsSync(path.join(folder, clusterMarker)) ? { dir: folder, demo } : null;
}

function readAbout(dir: string): About | null {
	try {
		const about = JSON.parse(readFileSync(path.join(dir, files.about), 'utf8')) as Partial<About>;
		return typeof about.migrations === 'string' ? { migrations: about.migrations, demoDay: about.demoDay ?? null } : null;
	} catch {
		return null;
	}
}

/** Where `prepare` makes the two copies; it gets a folder for each (the demo one starting as a copy of the first). */
export async function makeTemplate(prepare: (dataDir: string, opts: { demo: boolean }) => Promise<void>, dir = templateDir): Promise<void> {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const region = path.join(dir, files.region);
	await prepare(region, { demo: false });
	const demoDay = todayInNl();
	copyTemplate(region, path.join(dir, files.demo));
	await prepare(path.join(dir, files.demo), { demo: true });
	const about: About = { migrations: migrationsFingerprint(), demoDay };
	writeFileSync(path.join(dir, files.about), JSON.stringify(about, null, '\t') + '\n');
}
