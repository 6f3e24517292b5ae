-- Dutch full-text search over the portal's texts, kept current by PostgreSQL itself: every searchable table has a
-- stored generated `search` column, so a change and its search text are one row in one transaction.
-- Accents are ignored (unaccent, trusted since PostgreSQL 13; PGlite loads it in its worker); words are stemmed
-- with the `dutch` configuration. The drizzle schema does not declare these columns (a `select *` would carry
-- the vector along); the search module reads them by name.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change); a generated column needs an IMMUTABLE expression.
CREATE OR REPLACE FUNCTION rp_unaccent(value text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
	AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;
--> statement-breakpoint
-- The search text of a row: a (titles) weighs most, then b, then c. Null parts count as empty.
CREATE OR REPLACE FUNCTION rp_search_vector(a text, b text, c text) RETURNS tsvector
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$ SELECT setweight(to_tsvector('pg_catalog.dutch', public.rp_unaccent(coalesce(a, ''))), 'A')
		|| setweight(to_tsvector('pg_catalog.dutch', public.rp_unaccent(coalesce(b, ''))), 'B')
		|| setweight(to_tsvector('pg_catalog.dutch', public.rp_unaccent(coalesce(c, ''))), 'C') $$;
--> statement-breakpoint
-- array_to_string() is STABLE too; for text arrays (tags, participants) it is not.
CREATE OR REPLACE FUNCTION rp_words(value text[]) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$ SELECT coalesce(array_to_string(value, ' '), '') $$;
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
	rp_search_vector("title", "summary" || ' ' || rp_words("tags"), "description_text" || ' ' || "meerwaarde_text")
) STORED;
--> statement-breakpoint
CREATE INDEX "agenda_items_search" ON "agenda_items" USING gin ("search");
--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (rp_search_vector("body", NULL, NULL)) STORED;
--> statement-breakpoint
CREATE INDEX "comments_search" ON "comments" USING gin ("search");
--> statement-breakpoint
ALTER TABLE "interviews" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
	rp_search_vector("body_other", rp_words("participants"), "notes_text")
) STORED;
--> statement-breakpoint
CREATE INDEX "interviews_search" ON "interviews" USING gin ("search");
--> statement-breakpoint
ALTER TABLE "interview_candidates" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (rp_search_vector("title", NULL, "meerwaarde")) STORED;
--> statement-breakpoint
CREATE INDEX "interview_candidates_search" ON "interview_candidates" USING gin ("search");
