// `npm run db:seed -- --demo`: load the demo accounts into a database without accounts (also in production, when asked).
// `npm run db:seed -- --admin naam@gemeente.nl "Naam"`: create the first administrator and print their invitation link.
import { readConfig } from '../src/lib/server/config';
import { createDb } from '../src/lib/server/db';
import { seedIfEmpty } from '../src/lib/server/seed';
import { tellDemoStory } from '../src/lib/server/seed/startup';
import { bootstrapAdministrator } from '../src/lib/server/seed/bootstrap-admin';
import path from 'node:path';

const args = process.argv.slice(2);
const config = readConfig();
const handle = await createDb({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'pglite') });
try {
	await handle.migrate();
	if (args.includes('--admin')) {
		const email = args[args.indexOf('--admin') + 1];
		const name = args[args.indexOf('--admin') + 2] ?? email;
		const link = await bootstrapAdministrator(handle.db, email, name, config.origin ?? `http://localhost:${config.port}`);
		console.log(`Beheerder aangemaakt. Uitnodigingslink (7 dagen geldig):\n${link}`);
	} else {
		const result = await seedIfEmpty(handle.db, { demo: args.includes('--demo') });
		if (result.demo) await tellDemoStory(handle.db);
		console.log(
			`Regio geladen: ${result.region ? 'ja' : 'was er al'}; demo-accounts: ${result.demo ? 'geladen' : 'niet geladen (de database heeft al accounts, of --demo ontbrak)'}`
		);
	}
} finally {
	await handle.close();
}
