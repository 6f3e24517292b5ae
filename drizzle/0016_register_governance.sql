CREATE TABLE "collaboration_assessment_score_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"municipality_id" text NOT NULL,
	"criterion" text NOT NULL,
	"score" smallint NOT NULL,
	"motivation" text DEFAULT '' NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collaboration_assessment_scores" (
	"assessment_id" uuid NOT NULL,
	"municipality_id" text NOT NULL,
	"criterion" text NOT NULL,
	"score" smallint NOT NULL,
	"motivation" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collaboration_assessment_scores_assessment_id_municipality_id_criterion_pk" PRIMARY KEY("assessment_id","municipality_id","criterion"),
	CONSTRAINT "collaboration_assessment_scores_scale" CHECK ("collaboration_assessment_scores"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "collaboration_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaboration_id" uuid NOT NULL,
	"occasion" text NOT NULL,
	"title" text NOT NULL,
	"agenda_item_id" uuid,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"choice" text,
	"choice_reasons" text DEFAULT '' NOT NULL,
	"completed_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collaboration_assessments_occasion" CHECK ("collaboration_assessments"."occasion" in ('voorstel_nieuw','voorstel_wijziging','evaluatie')),
	CONSTRAINT "collaboration_assessments_choice" CHECK ("collaboration_assessments"."choice" is null or "collaboration_assessments"."choice" in ('zelf_doen','samen_doen','uitbesteden')),
	CONSTRAINT "collaboration_assessments_title_length" CHECK (char_length("collaboration_assessments"."title") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "collaboration_board_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaboration_id" uuid NOT NULL,
	"board" text NOT NULL,
	"on" date NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collaboration_board_meetings_board" CHECK ("collaboration_board_meetings"."board" in ('ab','db','pho'))
);
--> statement-breakpoint
CREATE TABLE "collaboration_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaboration_id" uuid NOT NULL,
	"cover_note_id" uuid,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collaboration_comments_body_length" CHECK (char_length("collaboration_comments"."body") between 1 and 5000)
);
--> statement-breakpoint
CREATE TABLE "collaboration_cover_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_meeting_id" uuid NOT NULL,
	"collaboration_id" uuid NOT NULL,
	"municipality_id" text NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"relevance" text DEFAULT '' NOT NULL,
	"proposed_input" text DEFAULT '' NOT NULL,
	"shared_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collaboration_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" text NOT NULL,
	"half" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "collaboration_assessment_score_changes" ADD CONSTRAINT "collaboration_assessment_score_changes_assessment_id_collaboration_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."collaboration_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_assessment_score_changes" ADD CONSTRAINT "collaboration_assessment_score_changes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_assessment_score_changes" ADD CONSTRAINT "collaboration_assessment_score_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_assessment_scores" ADD CONSTRAINT "collaboration_assessment_scores_assessment_id_collaboration_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."collaboration_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_assessment_scores" ADD CONSTRAINT "collaboration_assessment_scores_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_assessment_scores" ADD CONSTRAINT "collaboration_assessment_scores_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_assessments" ADD CONSTRAINT "collaboration_assessments_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_assessments" ADD CONSTRAINT "collaboration_assessments_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_assessments" ADD CONSTRAINT "collaboration_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_board_meetings" ADD CONSTRAINT "collaboration_board_meetings_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_comments" ADD CONSTRAINT "collaboration_comments_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_comments" ADD CONSTRAINT "collaboration_comments_cover_note_id_collaboration_cover_notes_id_fk" FOREIGN KEY ("cover_note_id") REFERENCES "public"."collaboration_cover_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_comments" ADD CONSTRAINT "collaboration_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_cover_notes" ADD CONSTRAINT "collaboration_cover_notes_board_meeting_id_collaboration_board_meetings_id_fk" FOREIGN KEY ("board_meeting_id") REFERENCES "public"."collaboration_board_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_cover_notes" ADD CONSTRAINT "collaboration_cover_notes_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_cover_notes" ADD CONSTRAINT "collaboration_cover_notes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_cover_notes" ADD CONSTRAINT "collaboration_cover_notes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_reports" ADD CONSTRAINT "collaboration_reports_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboration_reports" ADD CONSTRAINT "collaboration_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collaboration_assessment_score_changes_assessment" ON "collaboration_assessment_score_changes" USING btree ("assessment_id","changed_at");--> statement-breakpoint
CREATE INDEX "collaboration_assessments_collaboration" ON "collaboration_assessments" USING btree ("collaboration_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "collaboration_assessments_agenda_item" ON "collaboration_assessments" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE INDEX "collaboration_board_meetings_on" ON "collaboration_board_meetings" USING btree ("on");--> statement-breakpoint
CREATE INDEX "collaboration_board_meetings_collaboration" ON "collaboration_board_meetings" USING btree ("collaboration_id");--> statement-breakpoint
CREATE INDEX "collaboration_comments_collaboration" ON "collaboration_comments" USING btree ("collaboration_id","created_at");--> statement-breakpoint
CREATE INDEX "collaboration_comments_cover_note" ON "collaboration_comments" USING btree ("cover_note_id");--> statement-breakpoint
CREATE UNIQUE INDEX "collaboration_cover_notes_one_per_municipality" ON "collaboration_cover_notes" USING btree ("board_meeting_id","municipality_id");--> statement-breakpoint
CREATE INDEX "collaboration_cover_notes_collaboration" ON "collaboration_cover_notes" USING btree ("collaboration_id","municipality_id");--> statement-breakpoint
CREATE INDEX "collaboration_reports_municipality" ON "collaboration_reports" USING btree ("municipality_id","created_at");