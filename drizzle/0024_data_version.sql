-- The data version: a counter raised once by every committed transaction that changed a table the pages read.
-- Pages, search answers and grants are kept per version (db/data-version.ts). A plain snapshot of the database
-- (pg_current_snapshot) moved with every write of any kind: a keystroke of co-editing, a sign-in, the job queue's
-- upkeep, so while anyone typed no kept page was ever asked for again. The tables left out below change often and no
-- kept page reads them: the co-editing log (an item's text reaches its row after a pause, which counts), sessions,
-- the rate limits and the sign-in attempts. The job queue lives in its own schema and is not counted either.
--
-- The counter is raised at commit (a deferred trigger), after every other lock the transaction took, so two
-- transactions never wait for each other through it while holding other rows.
CREATE TABLE "data_version" (
	"id" integer PRIMARY KEY DEFAULT 1 CHECK ("id" = 1),
	"n" bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO "data_version" ("id", "n") VALUES (1, 1);
--> statement-breakpoint
CREATE FUNCTION rp_raise_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	-- Once per transaction, however many rows it changed.
	IF current_setting('rp.data_version_raised', true) IS DISTINCT FROM 'on' THEN
		UPDATE "data_version" SET "n" = "n" + 1 WHERE "id" = 1;
		PERFORM set_config('rp.data_version_raised', 'on', true);
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
DO $$
DECLARE
	t text;
BEGIN
	FOR t IN
		SELECT c.relname FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
		WHERE ns.nspname = 'public' AND c.relkind = 'r'
			AND c.relname NOT IN ('data_version', 'item_document_updates', 'auth_sessions', 'rate_limits', 'sign_in_attempts')
	LOOP
		EXECUTE format(
			'CREATE CONSTRAINT TRIGGER data_version AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rp_raise_data_version()',
			t
		);
	END LOOP;
END
$$;
