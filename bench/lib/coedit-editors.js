// One thread of bench/coedit's simulated editors. Browsers each have their own thread; with all editors in one
// Node thread, every relayed keystroke is handled 19 times in a row there, and that queue, not the server,
// becomes most of the latency measured. The bench spreads its editors over a few of these threads (--threads).
//
// The bench sends commands ({ id, cmd, ... }); each is answered with { id, ... } when done.
import { parentPort, workerData } from 'node:worker_threads';
import { useBrowserBuilds } from './browser-builds.js';
import { connectorFor, now, textOf, until } from './coedit-clients.js';

useBrowserBuilds();
const Y = await import('yjs');
const { kind, server, indices, editors, rate } = workerData;
const connect = await connectorFor(kind, server);
const clients = [];
for (const i of indices) clients.push({ i, ...(await connect(i)) });
await Promise.all(clients.map((c) => c.synced));

/** Keystrokes this thread typed (`client:clock` → when) and the arrivals of others' keystrokes here. */
const sent = new Map();
const arrivals = { keys: [], at: [], to: [] };
let typed = 0;
for (const c of clients) {
	c.doc.on('update', (update, origin) => {
		if (origin === null || origin === undefined) return; // our own keystroke
		const at = now();
		for (const s of Y.decodeUpdate(update).structs) {
			if (!(s instanceof Y.Item)) continue;
			for (let clock = s.id.clock; clock < s.id.clock + s.length; clock++) {
				arrivals.keys.push(`${s.id.client}:${clock}`);
				arrivals.at.push(at);
				arrivals.to.push(c.i);
			}
		}
	});
}

const paragraphOf = (c) => c.doc.getXmlFragment('description');

const commands = {
	/** Tiptap's shape: fragment → paragraph → text; editor 0 puts a new paragraph first and says how many there are. */
	paragraph() {
		const first = clients.find((c) => c.i === 0);
		if (!first) return {};
		first.doc.transact(() => {
			const p = new Y.XmlElement('paragraph');
			p.insert(0, [new Y.XmlText()]);
			paragraphOf(first).insert(0, [p]);
		});
		return { blocks: paragraphOf(first).length };
	},
	async 'await-paragraph'({ blocks }) {
		await until(() => clients.every((c) => paragraphOf(c).length === blocks), 15_000, 'paragraph');
	},
	/** Every editor inserts one character at a random place every 1/rate s, staggered as in one thread. */
	async type({ seconds }) {
		const alphabet = 'abcdefghijklmnopqrstuvwxyz ';
		const interval = 1000 / rate;
		const stopAt = now() + seconds * 1000;
		await Promise.all(
			clients.map(
				(c) =>
					new Promise((resolve) => {
						const text = () => paragraphOf(c).get(0).get(0);
						const tick = () => {
							if (now() >= stopAt) return resolve();
							const t = text();
							sent.set(`${c.doc.clientID}:${Y.getState(c.doc.store, c.doc.clientID)}`, now());
							t.insert(Math.floor(Math.random() * (t.length + 1)), alphabet[(c.i + typed) % alphabet.length]);
							typed++;
							setTimeout(tick, interval);
						};
						setTimeout(tick, (c.i * interval) / editors);
					})
			)
		);
	},
	texts: () => ({ texts: clients.map((c) => textOf(c.doc)) }),
	collect: () => ({ typed, sent: [...sent], arrivals, editors: clients.map((c) => [c.doc.clientID, c.i]) }),
	async close() {
		for (const c of clients) await c.close();
	}
};

parentPort.on('message', async ({ id, cmd, ...args }) => {
	const answer = (await commands[cmd](args)) ?? {};
	parentPort.postMessage({ id, ...answer });
	if (cmd === 'close') setImmediate(() => process.exit(0));
});
parentPort.postMessage({ ready: true });
