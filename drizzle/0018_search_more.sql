-- The search reaches sessions and their minutes, the text of earlier versions and the register (arrangements and
-- cover notes), kept current the same way as in 0017: a stored generated column per table, one transaction.
ALTER TABLE "meetings" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (rp_search_vector("title", "location", NULL)) STORED;
--> statement-breakpoint
CREATE INDEX "meetings_search" ON "meetings" USING gin ("search");
--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (rp_search_vector(NULL, "body", "owner_name")) STORED;
--> statement-breakpoint
CREATE INDEX "meeting_minutes_search" ON "meeting_minutes" USING gin ("search");
--> statement-breakpoint
-- A version's content is canonical JSON text; the cast and the operators are IMMUTABLE. Tags stay a JSON array
-- in the text: the parser takes the words out of it.
ALTER TABLE "agenda_item_versions" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
	rp_search_vector(
		("content"::jsonb) ->> 'title',
		coalesce(("content"::jsonb) ->> 'summary', '') || ' ' || coalesce(("content"::jsonb) ->> 'tags', ''),
		coalesce(("content"::jsonb) #>> '{description,text}', '') || ' ' || coalesce(("content"::jsonb) #>> '{meerwaarde,text}', '')
	)
) STORED;
--> statement-breakpoint
CREATE INDEX "agenda_item_versions_search" ON "agenda_item_versions" USING gin ("search");
--> statement-breakpoint
ALTER TABLE "collaborations" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (rp_search_vector("name", "domain", "end_reason")) STORED;
--> statement-breakpoint
CREATE INDEX "collaborations_search" ON "collaborations" USING gin ("search");
--> statement-breakpoint
ALTER TABLE "collaboration_cover_notes" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
	rp_search_vector(NULL, "agenda", "relevance" || ' ' || "proposed_input")
) STORED;
--> statement-breakpoint
CREATE INDEX "collaboration_cover_notes_search" ON "collaboration_cover_notes" USING gin ("search");
