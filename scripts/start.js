// `npm start`: build when needed (quietly), then serve production (server.js) with NODE_ENV=production, and say
// where to go and how to log in.
import { spawn } from 'node:child_process';
import { buildIfNeeded } from './build-if-needed.js';
import { serverEnv, serverNodeFlags } from './server-flags.js';

try {
	buildIfNeeded({ quiet: true });
} catch (err) {
	console.error(err instanceof Error ? err.message : err);
	process.exit(1);
}
// serverEnv under the operator's environment: a value set there wins.
const env = { ...serverEnv, ...process.env, NODE_ENV: process.env.NODE_ENV || 'production' };
const child = spawn(process.execPath, [...serverNodeFlags, 'server.js'], { stdio: ['inherit', 'pipe', 'inherit'], env });

// The demo accounts are loaded into an empty embedded database (not with DATABASE_URL or DEMO_DATA=off).
const demo = env.DEMO_DATA !== 'off' && !env.DATABASE_URL;
const hint = [demo ? 'Inloggen met een demo-account: de e-mailadressen en het wachtwoord staan in README.md, onder "Demo accounts".' : null, 'Stoppen: Ctrl+C.']
	.filter(Boolean)
	.join('\n');

// The server's own line names the address; the hint follows it once.
let told = false;
child.stdout.on('data', (chunk) => {
	process.stdout.write(chunk);
	if (!told && String(chunk).includes('luistert op')) {
		told = true;
		console.log(hint);
	}
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
