// `npm test`: unit, integration on PGlite, integration on PostgreSQL (when DATABASE_URL is set),
// end-to-end. Every stage runs even when an earlier one failed; the last line counts the results.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { postgresSkipReason, redact } from './test-integration-postgres.js';

const withoutDb = { ...process.env };
delete withoutDb.DATABASE_URL;
delete withoutDb.TEST_DB;

const stages = [
	{ name: 'unit', project: 'unit', env: withoutDb },
	{ name: 'integration (PGlite)', project: 'integration', env: withoutDb },
	{
		name: 'integration (PostgreSQL)',
		project: 'integration',
		env: { ...process.env, TEST_DB: 'postgres' },
		skip: postgresSkipReason()
	},
	{ name: 'e2e', project: 'e2e', env: withoutDb }
];

const only = process.argv.slice(2);
const outDir = mkdtempSync(path.join(tmpdir(), 'rp-test-'));
const results = [];

for (const stage of stages) {
	if (only.length && !only.some((o) => stage.name.startsWith(o))) continue;
	if (stage.skip) {
		console.log(`\n━━ ${stage.name}: SKIPPED — ${stage.skip}`);
		results.push({ ...stage, status: 'skipped' });
		continue;
	}
	const where = stage.project === 'integration' && stage.env.TEST_DB === 'postgres' ? ` on ${redact(stage.env.DATABASE_URL)}` : '';
	console.log(`\n━━ ${stage.name}${where}`);
	const json = path.join(outDir, `${stage.name.replace(/\W+/g, '-')}.json`);
	const run = spawnSync('npx', ['vitest', 'run', '--project', stage.project, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`], {
		stdio: 'inherit',
		env: stage.env
	});
	const counts = existsSync(json) ? readCounts(json) : null;
	results.push({ ...stage, status: run.status === 0 ? 'passed' : 'failed', counts });
}
rmSync(outDir, { recursive: true, force: true });

function readCounts(file) {
	try {
		const r = JSON.parse(readFileSync(file, 'utf8'));
		return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) };
	} catch {
		return null;
	}
}

const total = { passed: 0, failed: 0, skipped: 0 };
console.log('\n━━ summary');
console.log(`Node.js ${process.version}`);
for (const r of results) {
	const c = r.counts;
	if (c) for (const k of Object.keys(total)) total[k] += c[k];
	const ran = c && c.passed + c.failed + c.skipped > 0;
	const detail =
		r.status === 'skipped'
			? `skipped — ${r.skip}`
			: ran
				? `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`
				: 'no test ran (set-up failed or the run crashed; see its output above)';
	console.log(`${r.status === 'failed' ? '✗' : r.status === 'skipped' ? '-' : '✓'} ${r.name.padEnd(26)} ${detail}`);
}
const failedStages = results.filter((r) => r.status === 'failed').length;
const skippedStages = results.filter((r) => r.status === 'skipped').length;
console.log(`Stages: ${results.length - failedStages - skippedStages} passed, ${failedStages} failed, ${skippedStages} skipped`);
// Last, alone on its line: the count CI reads.
console.log(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedStages ? 1 : 0);
