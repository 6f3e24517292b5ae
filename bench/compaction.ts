// `npm run bench:compaction`: what one compaction of a co-edited document costs on the embedded database.
// A document shaped like bench/coedit's (20 editors typing single characters at random places, 6,000 in all),
// then rounds of: 500 keystroke updates appended in group commits of 15, replaced by the document's state
// (`replaceRows`, as the live document does past 500 rows). Prints p50 and p99 of the compaction, of one
// group commit (the baseline every keystroke already pays), and their ratio.
// Options: --rounds N (21), --keystrokes N (6000).
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { sql } from 'drizzle-orm';
import { createDb } from '../src/lib/server/db/index';
import { seedIfEmpty } from '../src/lib/server/seed/index';
import { appendUpdates, replaceRows } from '../src/lib/server/modules/collaboration';

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '21' }, keystrokes: { type: 'string', default: '6000' } } });
const ROWS = 500;
const BATCH = 15;

/** The updates of a document typed into by 20 editors at random places, and its final state. */
function typedDocument(keystrokes: number): { updates: Uint8Array[]; state: Uint8Array } {
	const editors = Array.from({ length: 20 }, () => new Y.Doc());
	const shared = new Y.Doc();
	const updates: Uint8Array[] = [];
	shared.on('update', (u: Uint8Array) => updates.push(u));
	for (let i = 0; i < keystrokes; i++) {
		const editor = editors[i % editors.length];
		Y.applyUpdate(editor, Y.encodeStateAsUpdate(shared, Y.encodeStateVector(editor)));
		const before = Y.encodeStateVector(shared);
		const text = editor.getText('description');
		text.insert(Math.floor(Math.random() * (text.length + 1)), 'a');
		Y.applyUpdate(shared, Y.encodeStateAsUpdate(editor, before));
	}
	return { updates, state: Y.encodeStateAsUpdate(shared) };
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

const handle = await createDb({ dataDir: 'memory://' });
await handle.migrate();
await seedIfEmpty(handle.db, { demo: false });
const inserted = await handle.db.execute(sql`insert into agenda_items (ambition_id, title, horizon) values (1, 'bench', 'voor_verkiezingen') returning id`);
const itemId = (inserted as unknown as { rows: { id: string }[] }).rows[0].id;
const { updates, state } = typedDocument(Number(args.keystrokes));

const compactions: number[] = [];
const commits: number[] = [];
for (let round = 0; round < Number(args.rounds); round++) {
	const ids: number[] = [];
	for (let k = 0; k < ROWS; k += BATCH) {
		const started = performance.now();
		ids.push(
			...(await appendUpdates(
				handle.db,
				itemId,
				'description',
				updates.slice(k, k + BATCH).map((update) => ({ update, userId: null }))
			))
		);
		commits.push(performance.now() - started);
	}
	const started = performance.now();
	await replaceRows(handle.db, itemId, 'description', ids, state);
	compactions.push(performance.now() - started);
}
await handle.close();

const f = (ms: number) => ms.toFixed(2).padStart(7);
console.log(
	`bench:compaction — PGlite in memory, ${ROWS} rows + a ${(state.length / 1024).toFixed(0)} KB state, ${args.rounds} rounds (Node ${process.version})`
);
console.log(`                         p50 ms   p99 ms`);
console.log(`compaction (${ROWS} rows) ${f(percentile(compactions, 50))}  ${f(percentile(compactions, 99))}`);
console.log(`group commit (${BATCH} rows) ${f(percentile(commits, 50))}  ${f(percentile(commits, 99))}`);
console.log(`ratio compaction / group commit (p50): ${(percentile(compactions, 50) / percentile(commits, 50)).toFixed(1)}×`);
