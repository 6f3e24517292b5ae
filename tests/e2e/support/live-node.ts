import type { Page } from 'playwright-core';

/** One live connection (socket.io websocket) of a page, as the DevTools protocol reports it. */
export interface LiveSocket {
	/** The app node that accepted it: the X-Regioportaal-Node header of the handshake (NODE_NAME). */
	node: string | null;
	/** Date.now() when Chromium reported it closed, or the page left the document that opened it. */
	closedAt?: number;
	/** Date.now() when the server said the login is over (`session:ended`) on it. */
	endedAt?: number;
}

export interface LiveConnection {
	/** The page's newest open live connection with a known node. */
	current(): LiveSocket | undefined;
	/** The node of current(), or null. */
	node(): string | null;
	/** Every live connection the page opened, oldest first (for diagnostics). */
	all(): (LiveSocket & { url: string; createdAt: number })[];
	/** Resolves once the page has an open live connection with a known node. */
	connected(timeoutMs?: number): Promise<LiveSocket>;
}

/**
 * Watches a page's websockets over the DevTools protocol: the handshake's response headers say which app
 * node the proxy chose, which the page's own API (WebSocket) does not show. Start before the page loads.
 */
export async function trackLiveConnection(page: Page): Promise<LiveConnection> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	const sockets = new Map<string, LiveSocket & { url: string; createdAt: number }>();
	const order: (LiveSocket & { url: string; createdAt: number })[] = [];
	cdp.on('Network.webSocketCreated', (e) => {
		if (!e.url.includes('/socket.io/')) return;
		const s = { node: null, url: e.url, createdAt: Date.now() };
		sockets.set(e.requestId, s);
		order.push(s);
	});
	cdp.on('Network.webSocketHandshakeResponseReceived', (e) => {
		const s = sockets.get(e.requestId);
		if (!s) return;
		const name = Object.keys(e.response.headers).find((h) => h.toLowerCase() === 'x-regioportaal-node');
		s.node = name ? e.response.headers[name] : null;
	});
	cdp.on('Network.webSocketFrameReceived', (e) => {
		const s = sockets.get(e.requestId);
		if (s && s.endedAt === undefined && e.response.payloadData.includes('"session:ended"')) s.endedAt = Date.now();
	});
	cdp.on('Network.webSocketClosed', (e) => {
		const s = sockets.get(e.requestId);
		if (s && s.closedAt === undefined) s.closedAt = Date.now();
	});
	// A document's websockets end with it, and Chromium does not always report that as a close.
	page.on('framenavigated', (frame) => {
		if (frame !== page.mainFrame()) return;
		for (const s of order) s.closedAt ??= Date.now();
	});
	const current = () => order.filter((s) => s.closedAt === undefined && s.node).at(-1);
	return {
		current,
		all: () => order.map((s) => ({ ...s })),
		node: () => current()?.node ?? null,
		connected: async (timeoutMs = 20_000) => {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const s = current();
				if (s) return s;
				if (Date.now() > deadline) throw new Error('the page opened no live connection with a known node');
				await new Promise((r) => setTimeout(r, 50));
			}
		}
	};
}
