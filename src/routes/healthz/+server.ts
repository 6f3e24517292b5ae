import { json } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';

/** With several app nodes, NODE_NAME (opt-in) says which node answered the proxy's health check. */
const node = process.env.NODE_NAME ? { node: process.env.NODE_NAME } : {};

/** 200 when the database answers, 503 naming what is down. */
export const GET = async () => {
	try {
		const rt = await runtime();
		await rt.handle.ping();
		return json({ status: 'ok', database: 'ok', ...node }, { headers: { 'cache-control': 'no-store' } });
	} catch {
		return json({ status: 'error', database: 'down', ...node }, { status: 503, headers: { 'cache-control': 'no-store' } });
	}
};
