import type { Socket } from 'socket.io-client';

type Ack = { ok: boolean; code?: string; data?: any };
type Seen = { id: string; seq: number };

/**
 * What the page does on every connect: subscribe to the item's comments, then ask for everything after the
 * cursor of its last complete catch-up. Throws when either is not answered in time or refused.
 */
export async function catchUpComments(socket: Socket, itemId: string, after: number): Promise<{ comments: Seen[]; seq: number }> {
	const sub = (await socket.timeout(5_000).emitWithAck('comments:subscribe', { itemId })) as Ack;
	if (!sub.ok) throw new Error(sub.code);
	const since = (await socket.timeout(5_000).emitWithAck('comments:since', { itemId, after })) as Ack;
	if (!since.ok) throw new Error(since.code);
	return since.data;
}
