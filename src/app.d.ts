import type { Actor } from '$lib/server/permissions';
import type { AuthSession, SessionUser } from '$lib/server/auth/auth-session';
import type { AuthStage } from '$lib/server/auth/authenticate';
import type { Db } from '$lib/server/db';
import type { Origin } from '$lib/server/modules/audit';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Of an unexpected error: the id of its line in the server log, shown to the person. */
			id?: string;
			/** Set for a known kind of failure, e.g. `error_database_unavailable` (try again in a moment). */
			code?: string;
		}
		interface Locals {
			db: Db;
			origin: Origin;
			user: SessionUser | null;
			authSession: AuthSession | null;
			actor: Actor | null;
			authStage: AuthStage | null;
			/** The data version as the session was read (signed in only): the list pages' cache key. */
			dataVersion?: string;
			/** On a public page: the stamp of what the public sees (read once by the page cache handle). */
			publicStamp?: string;
		}
	}
}

export {};
