ALTER TABLE "council_decisions" ADD COLUMN "version_number" integer;--> statement-breakpoint
-- Existing records: the version of the item's sign-offs valid at the time of the record (else it stays null).
UPDATE "council_decisions" c SET "version_number" = (
	SELECT max(s."version_number") FROM "sign_offs" s
	WHERE s."item_id" = c."item_id" AND s."signed_at" <= c."recorded_at"
		AND (s."voided_at" IS NULL OR s."voided_at" > c."recorded_at")
);
