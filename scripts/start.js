// `npm start`: build when needed, then serve production (server.js) with NODE_ENV=production.
import { spawn } from 'node:child_process';
import { buildIfNeeded } from './build-if-needed.js';

buildIfNeeded();
const child = spawn(process.execPath, ['server.js'], {
	stdio: 'inherit',
	env: { ...process.env, NODE_ENV: process.env.NODE_ENV || 'production' }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
