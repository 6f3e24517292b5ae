import { json } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';
import { withinTime } from '$lib/server/db/unavailable';

/** A health check answers quickly, also when the database hangs instead of refusing. */
const PING_LIMIT_MS = 2_000;

/** With several app nodes, NODE_NAME (opt-in) says which node answered the proxy's health check. */
const node = process.env.NODE_NAME ? { node: process.env.NODE_NAME } : {};

/** 200 when the database answers, 503 naming what is down. */
export const GET = async () => {
	try {
		const rt = await runtime();
		await withinTime(rt.handle.ping(), PING_LIMIT_MS);
		return json({ status: 'ok', database: 'ok', ...node }, { headers: { 'cache-control': 'no-store' } });
	} catch {
		return json({ status: 'error', database: 'down', ...node }, { status: 503, headers: { 'cache-control': 'no-store' } });
	}
};
