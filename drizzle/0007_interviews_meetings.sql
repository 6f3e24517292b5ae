CREATE TABLE "interview_candidates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"interview_id" uuid NOT NULL,
	"title" text NOT NULL,
	"ambition_id" smallint NOT NULL,
	"horizon" text NOT NULL,
	"meerwaarde" text DEFAULT '' NOT NULL,
	"interested" text[] DEFAULT '{}'::text[] NOT NULL,
	"item_id" uuid,
	"link" text,
	"linked_at" timestamp with time zone,
	"linked_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interview_candidates_title_length" CHECK (char_length("interview_candidates"."title") between 1 and 200),
	CONSTRAINT "interview_candidates_horizon_known" CHECK ("interview_candidates"."horizon" in ('voor_verkiezingen','na_verkiezingen')),
	CONSTRAINT "interview_candidates_link" CHECK (("interview_candidates"."item_id" is null and "interview_candidates"."link" is null) or "interview_candidates"."link" in ('created','added'))
);
--> statement-breakpoint
CREATE TABLE "interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" text NOT NULL,
	"body" text NOT NULL,
	"body_other" text DEFAULT '' NOT NULL,
	"held_on" date NOT NULL,
	"participants" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes_html" text DEFAULT '' NOT NULL,
	"notes_text" text DEFAULT '' NOT NULL,
	"notes_revision" integer DEFAULT 0 NOT NULL,
	"notes_saved_at" timestamp with time zone,
	"visibility" text DEFAULT 'klankbordgroep' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seq" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "interviews_body_known" CHECK ("interviews"."body" in ('directieteam','college','portefeuillehouder','gemeenteraad','fractie','overig')),
	CONSTRAINT "interviews_visibility_known" CHECK ("interviews"."visibility" in ('klankbordgroep','vertrouwelijk')),
	CONSTRAINT "interviews_body_other" CHECK ("interviews"."body" <> 'overig' or char_length("interviews"."body_other") > 0)
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"planned_minutes" smallint DEFAULT 15 NOT NULL,
	"spent_seconds" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "meeting_agenda_entries_minutes" CHECK ("meeting_agenda_entries"."planned_minutes" between 1 and 480)
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"municipality_id" text,
	"name" text NOT NULL,
	"checked_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	CONSTRAINT "meeting_attendance_meeting_id_user_id_pk" PRIMARY KEY("meeting_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_invitees" (
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "meeting_invitees_meeting_id_user_id_pk" PRIMARY KEY("meeting_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_minutes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"item_id" uuid,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"owner_name" text DEFAULT '' NOT NULL,
	"due_on" date,
	"municipality_id" text,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "meeting_minutes_kind" CHECK ("meeting_minutes"."kind" in ('besproken','besluit','actiepunt','vraag')),
	CONSTRAINT "meeting_minutes_body_length" CHECK (char_length("meeting_minutes"."body") between 1 and 5000),
	CONSTRAINT "meeting_minutes_action_owner" CHECK ("meeting_minutes"."kind" <> 'actiepunt' or char_length("meeting_minutes"."owner_name") > 0)
);
--> statement-breakpoint
CREATE TABLE "meeting_temperature_checks" (
	"meeting_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"municipality_id" text NOT NULL,
	"value" text NOT NULL,
	"given_by" uuid,
	"given_by_name" text NOT NULL,
	"given_at" timestamp with time zone DEFAULT now() NOT NULL,
	"position_set_at" timestamp with time zone,
	CONSTRAINT "meeting_temperature_checks_meeting_id_item_id_municipality_id_pk" PRIMARY KEY("meeting_id","item_id","municipality_id"),
	CONSTRAINT "meeting_temperature_value" CHECK ("meeting_temperature_checks"."value" in ('steunt','steunt_onder_voorwaarden','neutraal','bezwaar'))
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"online_url" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'gepland' NOT NULL,
	"chair_user_id" uuid,
	"current_entry_id" uuid,
	"current_started_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"seq" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "meetings_status_known" CHECK ("meetings"."status" in ('gepland','live','afgesloten')),
	CONSTRAINT "meetings_ends_after_start" CHECK ("meetings"."ends_at" > "meetings"."starts_at"),
	CONSTRAINT "meetings_title_length" CHECK (char_length("meetings"."title") between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "interview_candidates" ADD CONSTRAINT "interview_candidates_interview_id_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_candidates" ADD CONSTRAINT "interview_candidates_ambition_id_ambitions_id_fk" FOREIGN KEY ("ambition_id") REFERENCES "public"."ambitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_candidates" ADD CONSTRAINT "interview_candidates_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_candidates" ADD CONSTRAINT "interview_candidates_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_candidates" ADD CONSTRAINT "interview_candidates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_entries" ADD CONSTRAINT "meeting_agenda_entries_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_entries" ADD CONSTRAINT "meeting_agenda_entries_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitees" ADD CONSTRAINT "meeting_invitees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitees" ADD CONSTRAINT "meeting_invitees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_temperature_checks" ADD CONSTRAINT "meeting_temperature_checks_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_temperature_checks" ADD CONSTRAINT "meeting_temperature_checks_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_temperature_checks" ADD CONSTRAINT "meeting_temperature_checks_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_temperature_checks" ADD CONSTRAINT "meeting_temperature_checks_given_by_users_id_fk" FOREIGN KEY ("given_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_chair_user_id_users_id_fk" FOREIGN KEY ("chair_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interview_candidates_interview" ON "interview_candidates" USING btree ("interview_id","created_at");--> statement-breakpoint
CREATE INDEX "interview_candidates_item" ON "interview_candidates" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "interviews_municipality" ON "interviews" USING btree ("municipality_id","body");--> statement-breakpoint
CREATE INDEX "interviews_held_on" ON "interviews" USING btree ("held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_agenda_entries_item" ON "meeting_agenda_entries" USING btree ("meeting_id","item_id");--> statement-breakpoint
CREATE INDEX "meeting_agenda_entries_order" ON "meeting_agenda_entries" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_attendance_municipality" ON "meeting_attendance" USING btree ("meeting_id","municipality_id");--> statement-breakpoint
CREATE INDEX "meeting_minutes_meeting" ON "meeting_minutes" USING btree ("meeting_id","created_at");--> statement-breakpoint
CREATE INDEX "meetings_starts_at" ON "meetings" USING btree ("starts_at");