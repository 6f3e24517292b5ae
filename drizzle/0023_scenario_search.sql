-- A scenario's title and description are text of its agenda item: the search finds the item by them, as by the
-- item's own fields (the search module reads the column by name; see 0017_search).
ALTER TABLE "item_scenarios" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (rp_search_vector("title", NULL, "description")) STORED;
--> statement-breakpoint
CREATE INDEX "item_scenarios_search" ON "item_scenarios" USING gin ("search");
