// Part of the build: the prepared copies of the embedded database that a first start begins from
// (src/lib/server/db/template.ts): migrated with the region, and with the demo story told today.
import { createDb } from '../src/lib/server/db';
import { makeTemplate } from '../src/lib/server/db/template';
import { prepareDatabase } from '../src/lib/server/seed/startup';
// Writes to an item run the sign-off rules and the notifications, registered by these modules as the server does.
import '../src/lib/server/modules/collaboration';
import '../src/lib/server/modules/notifications';

await makeTemplate(async (dataDir, opts) => {
	const handle = await createDb({ dataDir });
	try {
		await prepareDatabase(handle, opts);
	} finally {
		await handle.close();
	}
});
