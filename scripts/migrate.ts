// `npm run db:migrate`: apply the drizzle migrations to DATABASE_URL (or the embedded database) and stop.
import path from 'node:path';
import { readConfig } from '../src/lib/server/config';
import { createDb } from '../src/lib/server/db';

const config = readConfig();
const handle = await createDb({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'pglite') });
await handle.migrate();
await handle.close();
console.log(`Migraties toegepast op ${handle.kind === 'postgres' ? 'PostgreSQL' : 'de ingebouwde database'}.`);
