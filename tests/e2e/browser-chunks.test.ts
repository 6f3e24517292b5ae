/**
 * The build the end-to-end run uses (global-setup.ts builds it when stale): no browser chunk holds the text of a
 * message no browser code uses, in any language (bench/browser-js.js's leak check). The unit test runs the same
 * check only when a current build happens to exist; here there always is one.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { checkBuild } from '../../bench/lib/build-leaks.js';

it('no browser chunk holds a server-only message', () => {
	const { probes, leaks } = checkBuild(path.resolve(import.meta.dirname, '../..'));
	expect(probes.forbidden.length).toBeGreaterThan(100);
	expect(leaks.map((l) => `${l.key} (${l.locale}) in ${l.file}`)).toEqual([]);
});
