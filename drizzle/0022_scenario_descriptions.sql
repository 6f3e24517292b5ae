ALTER TABLE "item_document_updates" DROP CONSTRAINT "item_document_updates_field_known";--> statement-breakpoint
ALTER TABLE "comments" DROP CONSTRAINT "comments_anchor_field_known";--> statement-breakpoint
ALTER TABLE "item_scenarios" ADD COLUMN "description_html" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "item_scenarios" ADD COLUMN "verdeelsleutel" text;--> statement-breakpoint
ALTER TABLE "item_document_updates" ADD CONSTRAINT "item_document_updates_field_known" CHECK ("item_document_updates"."field" in ('description','meerwaarde') or "item_document_updates"."field" ~ '^scenario:[0-9a-f-]{36}$');--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_anchor_field_known" CHECK ("comments"."anchor_field" is null or "comments"."anchor_field" in ('description','meerwaarde') or "comments"."anchor_field" ~ '^scenario:[0-9a-f-]{36}$');--> statement-breakpoint
ALTER TABLE "item_scenarios" ADD CONSTRAINT "item_scenarios_verdeelsleutel" CHECK ("item_scenarios"."verdeelsleutel" is null or "item_scenarios"."verdeelsleutel" in ('inwoners','gelijk','maatwerk'));--> statement-breakpoint
-- The descriptions written so far were plain text: the same HTML a new one gets (blank lines part paragraphs, single ones become breaks).
UPDATE "item_scenarios" SET "description_html" = (
	SELECT coalesce(string_agg('<p>' || replace(replace(replace(replace(replace(replace(trim(p), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;'), E'\n', '<br>') || '</p>', '' ORDER BY n), '')
	FROM regexp_split_to_table("description", E'\\n\\s*\\n') WITH ORDINALITY AS t(p, n)
	WHERE trim(p) <> ''
) WHERE "description" <> '';
