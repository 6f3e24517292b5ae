CREATE TABLE "agenda_item_contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"label" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	CONSTRAINT "agenda_item_contributions_positive" CHECK ("agenda_item_contributions"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "agenda_item_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"title" text NOT NULL,
	"url" text NOT NULL,
	"kenmerk" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_item_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"done" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_item_participants" (
	"item_id" uuid NOT NULL,
	"municipality_id" text NOT NULL,
	"custom_share_bp" integer,
	CONSTRAINT "agenda_item_participants_item_id_municipality_id_pk" PRIMARY KEY("item_id","municipality_id"),
	CONSTRAINT "agenda_item_participants_share_range" CHECK ("agenda_item_participants"."custom_share_bp" is null or "agenda_item_participants"."custom_share_bp" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "agenda_item_people" (
	"item_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "agenda_item_people_item_id_user_id_pk" PRIMARY KEY("item_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "agenda_item_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"reason" text NOT NULL,
	"content" text NOT NULL,
	"content_hash" text NOT NULL,
	"restored_from" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"contributors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "agenda_item_versions_item_number" UNIQUE("item_id","number"),
	CONSTRAINT "agenda_item_versions_reason_known" CHECK ("agenda_item_versions"."reason" in ('status','manual','auto','restore')),
	CONSTRAINT "agenda_item_versions_hash_format" CHECK ("agenda_item_versions"."content_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ambition_id" smallint NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"description_html" text DEFAULT '' NOT NULL,
	"description_text" text DEFAULT '' NOT NULL,
	"meerwaarde_html" text DEFAULT '' NOT NULL,
	"meerwaarde_text" text DEFAULT '' NOT NULL,
	"horizon" text NOT NULL,
	"trekker_id" text,
	"status" text DEFAULT 'concept' NOT NULL,
	"start_date" date,
	"end_date" date,
	"cost_estimate_cents" bigint DEFAULT 0 NOT NULL,
	"verdeelsleutel" text DEFAULT 'inwoners' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"seq" integer DEFAULT 0 NOT NULL,
	"pending_contributors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "agenda_items_title_length" CHECK (char_length("agenda_items"."title") between 1 and 200),
	CONSTRAINT "agenda_items_status_known" CHECK ("agenda_items"."status" in ('concept','in_bespreking','gereed_voor_besluitvorming','vastgesteld','afgewezen','in_uitvoering','afgerond')),
	CONSTRAINT "agenda_items_horizon_known" CHECK ("agenda_items"."horizon" in ('voor_verkiezingen','na_verkiezingen')),
	CONSTRAINT "agenda_items_verdeelsleutel_known" CHECK ("agenda_items"."verdeelsleutel" in ('inwoners','gelijk','maatwerk')),
	CONSTRAINT "agenda_items_cost_nonnegative" CHECK ("agenda_items"."cost_estimate_cents" >= 0),
	CONSTRAINT "agenda_items_dates_ordered" CHECK ("agenda_items"."start_date" is null or "agenda_items"."end_date" is null or "agenda_items"."start_date" <= "agenda_items"."end_date")
);
--> statement-breakpoint
ALTER TABLE "agenda_item_contributions" ADD CONSTRAINT "agenda_item_contributions_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_links" ADD CONSTRAINT "agenda_item_links_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_milestones" ADD CONSTRAINT "agenda_item_milestones_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_participants" ADD CONSTRAINT "agenda_item_participants_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_participants" ADD CONSTRAINT "agenda_item_participants_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_people" ADD CONSTRAINT "agenda_item_people_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_people" ADD CONSTRAINT "agenda_item_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_versions" ADD CONSTRAINT "agenda_item_versions_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_versions" ADD CONSTRAINT "agenda_item_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_ambition_id_ambitions_id_fk" FOREIGN KEY ("ambition_id") REFERENCES "public"."ambitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_trekker_id_municipalities_id_fk" FOREIGN KEY ("trekker_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_item_contributions_item" ON "agenda_item_contributions" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "agenda_item_links_item" ON "agenda_item_links" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "agenda_item_milestones_item" ON "agenda_item_milestones" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "agenda_item_participants_municipality" ON "agenda_item_participants" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "agenda_item_people_user" ON "agenda_item_people" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "agenda_item_versions_hash" ON "agenda_item_versions" USING btree ("content_hash");--> statement-breakpoint
CREATE INDEX "agenda_items_ambition" ON "agenda_items" USING btree ("ambition_id");--> statement-breakpoint
CREATE INDEX "agenda_items_status" ON "agenda_items" USING btree ("status");--> statement-breakpoint
CREATE INDEX "agenda_items_trekker" ON "agenda_items" USING btree ("trekker_id");