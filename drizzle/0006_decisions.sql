CREATE TABLE "council_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"municipality_id" text NOT NULL,
	"meeting_date" date NOT NULL,
	"outcome" text NOT NULL,
	"wensen_en_bedenkingen" text DEFAULT '' NOT NULL,
	"kenmerk" text NOT NULL,
	"recorded_by" uuid,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_decisions_outcome_known" CHECK ("council_decisions"."outcome" in ('ingestemd','wensen_en_bedenkingen','verworpen','niet_van_toepassing'))
);
--> statement-breakpoint
CREATE TABLE "position_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"municipality_id" text NOT NULL,
	"from_position" text,
	"to_position" text NOT NULL,
	"reasons" text DEFAULT '' NOT NULL,
	"conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"changed_by" uuid,
	"changed_by_name" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "positions" (
	"item_id" uuid NOT NULL,
	"municipality_id" text NOT NULL,
	"position" text NOT NULL,
	"reasons" text DEFAULT '' NOT NULL,
	"conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" uuid,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "positions_item_id_municipality_id_pk" PRIMARY KEY("item_id","municipality_id"),
	CONSTRAINT "positions_known" CHECK ("positions"."position" in ('steunt','steunt_onder_voorwaarden','neutraal','nog_geen_standpunt','bezwaar','neemt_niet_deel'))
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"percent" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reported_by" uuid,
	"reported_by_name" text NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_reports_percent_range" CHECK ("progress_reports"."percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "sign_offs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"municipality_id" text NOT NULL,
	"version_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"content_hash" text NOT NULL,
	"decision" text NOT NULL,
	"conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reasons" text DEFAULT '' NOT NULL,
	"withdrawn" boolean DEFAULT false NOT NULL,
	"meeting_date" date NOT NULL,
	"kenmerk" text NOT NULL,
	"document_url" text,
	"signed_by" uuid,
	"signed_by_name" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"voided_by_name" text,
	"void_reason" text,
	CONSTRAINT "sign_offs_decision_known" CHECK ("sign_offs"."decision" in ('akkoord','akkoord_onder_voorwaarden','niet_akkoord')),
	CONSTRAINT "sign_offs_kenmerk_present" CHECK (char_length(trim("sign_offs"."kenmerk")) > 0),
	CONSTRAINT "sign_offs_hash_format" CHECK ("sign_offs"."content_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "sign_offs_void_reason_known" CHECK ("sign_offs"."void_reason" is null or "sign_offs"."void_reason" in ('reopened','edited','niet_akkoord'))
);
--> statement-breakpoint
ALTER TABLE "council_decisions" ADD CONSTRAINT "council_decisions_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_decisions" ADD CONSTRAINT "council_decisions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_decisions" ADD CONSTRAINT "council_decisions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_changes" ADD CONSTRAINT "position_changes_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_changes" ADD CONSTRAINT "position_changes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_changes" ADD CONSTRAINT "position_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_offs" ADD CONSTRAINT "sign_offs_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_offs" ADD CONSTRAINT "sign_offs_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_offs" ADD CONSTRAINT "sign_offs_version_id_agenda_item_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."agenda_item_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_offs" ADD CONSTRAINT "sign_offs_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_offs" ADD CONSTRAINT "sign_offs_voided_by_users_id_fk" FOREIGN KEY ("voided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "council_decisions_item" ON "council_decisions" USING btree ("item_id","municipality_id");--> statement-breakpoint
CREATE INDEX "position_changes_item" ON "position_changes" USING btree ("item_id","changed_at");--> statement-breakpoint
CREATE INDEX "positions_municipality" ON "positions" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "progress_reports_item" ON "progress_reports" USING btree ("item_id","reported_at");--> statement-breakpoint
CREATE INDEX "sign_offs_item" ON "sign_offs" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "sign_offs_municipality" ON "sign_offs" USING btree ("municipality_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sign_offs_one_valid" ON "sign_offs" USING btree ("item_id","municipality_id","version_id") WHERE "sign_offs"."voided_at" is null;