// The leak check on a production build: every JavaScript file of build/client against the texts of the messages
// no browser code uses. Shared by bench/browser-js.js and its unit test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { browserMessageKeys, readMessages } from './browser-messages.js';
import { allClientFiles, readClientGraph } from './client-pages.js';
import { findLeaks, leakProbes } from './message-leaks.js';

/**
 * @param {string} repo the repository: its messages and sources decide which messages are the browser's
 * @param {string} root where build/ and .svelte-kit/output/ are (the repository, or a copy of an older build)
 */
export function checkBuild(repo, root = repo) {
	const graph = readClientGraph(root);
	const { baseLocale, messages } = readMessages(repo);
	const browserKeys = browserMessageKeys(repo, messages);
	const probes = leakProbes(messages, browserKeys, baseLocale);
	const files = new Map(allClientFiles(graph).map((f) => [f, readFileSync(path.join(graph.clientDir, f), 'utf8')]));
	return { graph, messages, browserKeys, probes, files, leaks: findLeaks(probes.forbidden, files) };
}
