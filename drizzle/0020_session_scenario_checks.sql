CREATE TABLE "meeting_scenario_checks" (
	"meeting_id" uuid NOT NULL,
	"scenario_id" uuid NOT NULL,
	"municipality_id" text NOT NULL,
	"value" text NOT NULL,
	"given_by" uuid,
	"given_by_name" text NOT NULL,
	"given_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_scenario_checks_meeting_id_scenario_id_municipality_id_pk" PRIMARY KEY("meeting_id","scenario_id","municipality_id"),
	CONSTRAINT "meeting_scenario_check_value" CHECK ("meeting_scenario_checks"."value" in ('steunt','steunt_onder_voorwaarden','neutraal','bezwaar'))
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "scenarios_shown_entry_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_scenario_checks" ADD CONSTRAINT "meeting_scenario_checks_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_scenario_checks" ADD CONSTRAINT "meeting_scenario_checks_scenario_id_item_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."item_scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_scenario_checks" ADD CONSTRAINT "meeting_scenario_checks_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_scenario_checks" ADD CONSTRAINT "meeting_scenario_checks_given_by_users_id_fk" FOREIGN KEY ("given_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;