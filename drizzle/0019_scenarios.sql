CREATE TABLE "item_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"scale_min" smallint NOT NULL,
	"scale_max" smallint NOT NULL,
	"higher_is_better" boolean DEFAULT true NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "item_criteria_name_length" CHECK (char_length("item_criteria"."name") between 1 and 120),
	CONSTRAINT "item_criteria_scale" CHECK ("item_criteria"."scale_min" >= 0 and "item_criteria"."scale_max" <= 10 and "item_criteria"."scale_min" < "item_criteria"."scale_max")
);
--> statement-breakpoint
CREATE TABLE "item_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"one_off_cents" bigint DEFAULT 0 NOT NULL,
	"yearly_cents" bigint DEFAULT 0 NOT NULL,
	"collaboration_id" uuid,
	"proposed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" uuid,
	CONSTRAINT "item_scenarios_title_length" CHECK (char_length("item_scenarios"."title") between 1 and 200),
	CONSTRAINT "item_scenarios_costs" CHECK ("item_scenarios"."one_off_cents" >= 0 and "item_scenarios"."yearly_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "scenario_score_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"scenario_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"municipality_id" text NOT NULL,
	"voice" text NOT NULL,
	"from_score" smallint,
	"score" smallint NOT NULL,
	"motivation" text DEFAULT '' NOT NULL,
	"shared_publicly" boolean DEFAULT false NOT NULL,
	"changed_by" uuid,
	"changed_by_name" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scenario_scores" (
	"scenario_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"municipality_id" text NOT NULL,
	"voice" text NOT NULL,
	"score" smallint NOT NULL,
	"motivation" text DEFAULT '' NOT NULL,
	"shared_publicly" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scenario_scores_scenario_id_criterion_id_municipality_id_voice_pk" PRIMARY KEY("scenario_id","criterion_id","municipality_id","voice"),
	CONSTRAINT "scenario_scores_voice" CHECK ("scenario_scores"."voice" in ('klankbordgroep','college'))
);
--> statement-breakpoint
ALTER TABLE "item_criteria" ADD CONSTRAINT "item_criteria_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_scenarios" ADD CONSTRAINT "item_scenarios_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_scenarios" ADD CONSTRAINT "item_scenarios_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_scenarios" ADD CONSTRAINT "item_scenarios_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_score_changes" ADD CONSTRAINT "scenario_score_changes_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_score_changes" ADD CONSTRAINT "scenario_score_changes_scenario_id_item_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."item_scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_score_changes" ADD CONSTRAINT "scenario_score_changes_criterion_id_item_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."item_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_score_changes" ADD CONSTRAINT "scenario_score_changes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_score_changes" ADD CONSTRAINT "scenario_score_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_scores" ADD CONSTRAINT "scenario_scores_scenario_id_item_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."item_scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_scores" ADD CONSTRAINT "scenario_scores_criterion_id_item_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."item_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_scores" ADD CONSTRAINT "scenario_scores_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_scores" ADD CONSTRAINT "scenario_scores_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "item_criteria_item" ON "item_criteria" USING btree ("item_id","position");--> statement-breakpoint
CREATE INDEX "item_scenarios_item" ON "item_scenarios" USING btree ("item_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "item_scenarios_one_proposed" ON "item_scenarios" USING btree ("item_id") WHERE "item_scenarios"."proposed" and "item_scenarios"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "scenario_score_changes_item" ON "scenario_score_changes" USING btree ("item_id","changed_at");