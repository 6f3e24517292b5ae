import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';

let cached: Buffer | undefined;

/**
 * The 256-bit key that encrypts stored secrets. From APP_SECRET when set (required with several nodes);
 * otherwise generated once into the data folder, so the embedded default needs no set-up.
 */
export function secretKey(env: NodeJS.ProcessEnv = process.env): Buffer {
	if (cached) return cached;
	if (env.APP_SECRET) return (cached = createHash('sha256').update(env.APP_SECRET).digest());
	const file = path.join(env.DATA_DIR || './data', 'secret.key');
	if (!existsSync(file)) {
		mkdirSync(path.dirname(file), { recursive: true });
		try {
			writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
		} catch {
			// another process wrote it first: read theirs
		}
	}
	return (cached = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
}
