import { json } from '@sveltejs/kit';
import { runtime } from '$lib/server/runtime';

/** 200 when the database answers, 503 naming what is down. */
export const GET = async () => {
	try {
		const rt = await runtime();
		await rt.handle.ping();
		return json({ status: 'ok', database: 'ok' }, { headers: { 'cache-control': 'no-store' } });
	} catch {
		return json({ status: 'error', database: 'down' }, { status: 503, headers: { 'cache-control': 'no-store' } });
	}
};
