/**
 * A stand-in for a municipality's sign-in service (OpenID Connect), for trying the sign-in in a browser and for
 * Playwright: oauth2-mock-server on this machine, signing every ID token with the claims below. There is no login
 * form: the provider sends the browser straight back as the person set here.
 *
 *   npx tsx scripts/oidc-mock-provider.ts            # http://127.0.0.1:8090, as k.bakker@leiden.nl with MFA
 *   OIDC_MOCK_PORT=8091 OIDC_MOCK_EMAIL=wethouder@leiden.nl OIDC_MOCK_AMR=pwd npx tsx scripts/oidc-mock-provider.ts
 *
 * In the portal (/beheer/inlogdiensten): issuer http://localhost:8090 (as the mock names itself), any client id and secret, domain leiden.nl.
 * Change the person (or make the next answer bad) while it runs, e.g. from a test:
 *   POST http://127.0.0.1:8090/test/claims   {"email":"iemand@leiden.nl","amr":["pwd"]}   claims of every later token
 *   POST http://127.0.0.1:8090/test/next     {"aud":"een-ander"}                          the next ID token only
 */
import { OAuth2Server, type MutableToken } from 'oauth2-mock-server';
import type { IncomingMessage, ServerResponse } from 'node:http';

const port = Number(process.env.OIDC_MOCK_PORT || 8090);
const email = process.env.OIDC_MOCK_EMAIL || 'k.bakker@leiden.nl';
let claims: Record<string, unknown> = {
	sub: process.env.OIDC_MOCK_SUB || `mock-${email}`,
	email,
	email_verified: true,
	name: process.env.OIDC_MOCK_NAME || 'Karin Bakker',
	amr: (process.env.OIDC_MOCK_AMR || 'pwd,mfa').split(',')
};
let next: Record<string, unknown> = {};

const server = new OAuth2Server();
await server.issuer.keys.generate('RS256');
// Only the ID token carries `aud` when it is built; auth_time says the login happened just now (step-up checks it).
server.service.on('beforeTokenSigning', (token: MutableToken) => {
	if (!('aud' in token.payload)) return;
	Object.assign(token.payload, { auth_time: Math.floor(Date.now() / 1000) }, claims, next);
	next = {};
});

function setter(apply: (body: Record<string, unknown>) => void) {
	return (req: IncomingMessage & { body?: unknown }, res: ServerResponse) => {
		const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
		apply(body);
		res.writeHead(204).end();
	};
}
server.service.addRoute(
	'POST',
	'/test/claims',
	setter((body) => (claims = { ...claims, ...body }))
);
server.service.addRoute(
	'POST',
	'/test/next',
	setter((body) => (next = body))
);

await server.start(port, '127.0.0.1');
console.log(`Mock sign-in service: ${server.issuer.url} (as ${email}, amr ${JSON.stringify(claims.amr)})`);
const stop = async () => {
	await server.stop();
	process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
