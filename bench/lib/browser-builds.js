// The bench's simulated editors stand in for browsers, so they run the socket.io client code browsers run.
// Under Node, socket.io-client, engine.io-client and socket.io-parser resolve (export condition "node") to their
// debug builds, which call `debug()` several times per packet; a browser bundle gets the production builds.
// useBrowserBuilds() installs a module resolve hook that swaps the one for the other.
import { register } from 'node:module';

const DEBUG_BUILD = /\/(socket\.io-client|engine\.io-client|socket\.io-parser)\/build\/esm-debug\//;

/** Call before the first import of socket.io-client. */
export function useBrowserBuilds() {
	register(import.meta.url);
}

/** The resolve hook (runs on Node's loader thread). */
export async function resolve(specifier, context, next) {
	const result = await next(specifier, context);
	return DEBUG_BUILD.test(result.url) ? { ...result, url: result.url.replace('/build/esm-debug/', '/build/esm/') } : result;
}
