import { sql } from 'drizzle-orm';

/**
 * The data version (migration 0024): a number raised at the commit of every transaction that changed a table the
 * pages read, on any app node. What was read or rendered at one version (a list page, a search's answer, a
 * person's grants) holds for every request at that version. Writes no kept page can show (co-editing keystrokes,
 * sessions, rate limits, sign-in attempts, the job queue) leave it alone, so people typing in an item do not make
 * everyone's agenda render again.
 *
 * Read as text, in the statement that needs it (the session check reads it with the session).
 */
export const currentDataVersion = sql<string>`(select "n"::text from "data_version" where "id" = 1)`;
