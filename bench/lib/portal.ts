// What the page benches share: the items they fill the database with, logging in over HTTP and timed GETs.
import { createItem, updateItemFields } from '../../src/lib/server/modules/agenda-items';
import type { Actor } from '../../src/lib/server/permissions';
import type { createDb } from '../../src/lib/server/db';

export type BenchDb = Awaited<ReturnType<typeof createDb>>['db'];
export const benchOrigin = { ip: null, userAgent: 'bench' };
export const municipalities = ['leiden', 'leiderdorp', 'oegstgeest', 'voorschoten', 'zoeterwoude'];

/** Item `i` of a bench: a concept under one of the seven ambitions, with the five municipalities taking part. */
export async function createBenchItem(db: BenchDb, actor: Actor, i: number): Promise<string> {
	const { id } = await createItem(
		db,
		actor,
		{
			ambitionId: (i % 7) + 1,
			title: `Activiteit ${i + 1}`,
			summary: 'Bench',
			horizon: i % 2 ? 'voor_verkiezingen' : 'na_verkiezingen',
			trekkerId: municipalities[i % 5]
		},
		benchOrigin
	);
	await updateItemFields(
		db,
		actor,
		{ itemId: id, revision: 1, participants: municipalities.map((municipalityId) => ({ municipalityId })), tags: ['bench'] },
		benchOrigin
	);
	return id;
}

/** Logs in through the login form's POST and gives the session cookie (`rp_session=…`). */
export async function loginCookie(base: string, email: string, password: string): Promise<string> {
	const body = new URLSearchParams({ email, password });
	const res = await fetch(`${base}/inloggen`, { method: 'POST', body, redirect: 'manual', headers: { origin: base } });
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('rp_session='));
	if (!cookie) throw new Error(`login failed: ${res.status}`);
	return cookie.split(';')[0];
}

/** `requests` GETs of `url`, `concurrency` at a time; the time of each in ms (the body read whole). Anything but 200 stops the bench. */
export async function timedGets(url: string, headers: Record<string, string>, requests: number, concurrency: number): Promise<number[]> {
	const times: number[] = [];
	let next = 0;
	const worker = async () => {
		while (next < requests) {
			next++;
			const start = performance.now();
			const res = await fetch(url, { headers, redirect: 'manual' });
			await res.text();
			if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
			times.push(performance.now() - start);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return times;
}
