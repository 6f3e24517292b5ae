CREATE TABLE "collaboration_ambitions" (
	"collaboration_id" uuid NOT NULL,
	"ambition_id" smallint NOT NULL,
	CONSTRAINT "collaboration_ambitions_collaboration_id_ambition_id_pk" PRIMARY KEY("collaboration_id","ambition_id")
);
--> statement-breakpoint
CREATE TABLE "collaboration_contributions" (
	"collaboration_id" uuid NOT NULL,
	"municipality_id" text NOT NULL,
	"year" smallint NOT NULL,
	"cents" bigint NOT NULL,
	"key" text NOT NULL,
	"share_bp" integer,
	CONSTRAINT "collaboration_contributions_collaboration_id_municipality_id_year_pk" PRIMARY KEY("collaboration_id","municipality_id","year"),
	CONSTRAINT "collaboration_contributions_cents" CHECK ("collaboration_contributions"."cents" >= 0),
	CONSTRAINT "collaboration_contributions_key" CHECK ("collaboration_contributions"."key" in ('inwoners','gelijk','maatwerk'))
);
--> statement-breakpoint
CREATE TABLE "collaboration_moments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaboration_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"municipality_id" text,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "collaboration_moments_kind" CHECK ("collaboration_moments"."kind" in ('kadernota','begroting','jaarrekening','zienswijze','evaluatie'))
);
--> statement-breakpoint
CREATE TABLE "collaboration_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaboration_id" uuid NOT NULL,
	"municipality_id" text,
	"outside_name" text,
	"exit_cost_cents" bigint,
	"notice_term" smallint,
	"notice_unit" text,
	CONSTRAINT "collaboration_participants_one_of" CHECK (("collaboration_participants"."municipality_id" is null) <> ("collaboration_participants"."outside_name" is null)),
	CONSTRAINT "collaboration_participants_notice_with_unit" CHECK (("collaboration_participants"."notice_term" is null) = ("collaboration_participants"."notice_unit" is null)),
	CONSTRAINT "collaboration_participants_exit_cost" CHECK ("collaboration_participants"."exit_cost_cents" is null or "collaboration_participants"."exit_cost_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "collaboration_seats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaboration_id" uuid NOT NULL,
	"municipality_id" text NOT NULL,
	"seat" text NOT NULL,
	"name" text NOT NULL,
	"user_id" uuid,
	"holder_role" text,
	CONSTRAINT "collaboration_seats_seat" CHECK ("collaboration_seats"."seat" in ('ab','db','rapporteur'))
);
--> statement-breakpoint
CREATE TABLE "collaborations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"legal_form" text,
	"steering" text NOT NULL,
	"domain" text NOT NULL,
	"lead_municipality_id" text,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"notice_term" smallint,
	"notice_unit" text,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text DEFAULT '' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"seq" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collaborations_kind_known" CHECK ("collaborations"."kind" in ('licht','gr','convenant','privaatrecht')),
	CONSTRAINT "collaborations_steering_known" CHECK ("collaborations"."steering" in ('beleidsvoering','bedrijfsvoering')),
	CONSTRAINT "collaborations_ends_after_start" CHECK ("collaborations"."ends_on" is null or "collaborations"."ends_on" >= "collaborations"."starts_on"),
	CONSTRAINT "collaborations_notice_with_unit" CHECK (("collaborations"."notice_term" is null) = ("collaborations"."notice_unit" is null)),
	CONSTRAINT "collaborations_name_length" CHECK (char_length("collaborations"."name") between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "collaboration_ambitions" ADD CONSTRAINT "collaboration_ambitions_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_ambitions" ADD CONSTRAINT "collaboration_ambitions_ambition_id_ambitions_id_fk" FOREIGN KEY ("ambition_id") REFERENCES "public"."ambitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_contributions" ADD CONSTRAINT "collaboration_contributions_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_contributions" ADD CONSTRAINT "collaboration_contributions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_moments" ADD CONSTRAINT "collaboration_moments_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_moments" ADD CONSTRAINT "collaboration_moments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_participants" ADD CONSTRAINT "collaboration_participants_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_participants" ADD CONSTRAINT "collaboration_participants_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_seats" ADD CONSTRAINT "collaboration_seats_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_seats" ADD CONSTRAINT "collaboration_seats_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_seats" ADD CONSTRAINT "collaboration_seats_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborations" ADD CONSTRAINT "collaborations_lead_municipality_id_municipalities_id_fk" FOREIGN KEY ("lead_municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborations" ADD CONSTRAINT "collaborations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collaboration_moments_on" ON "collaboration_moments" USING btree ("on");--> statement-breakpoint
CREATE INDEX "collaboration_moments_collaboration" ON "collaboration_moments" USING btree ("collaboration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "collaboration_participants_municipality" ON "collaboration_participants" USING btree ("collaboration_id","municipality_id");--> statement-breakpoint
CREATE UNIQUE INDEX "collaboration_participants_outside" ON "collaboration_participants" USING btree ("collaboration_id","outside_name");--> statement-breakpoint
CREATE INDEX "collaboration_seats_collaboration" ON "collaboration_seats" USING btree ("collaboration_id","municipality_id");--> statement-breakpoint
CREATE INDEX "collaboration_seats_user" ON "collaboration_seats" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "collaborations_name" ON "collaborations" USING btree ("name");