ALTER TABLE "agenda_items" ADD COLUMN "public_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "position_changes" ADD COLUMN "shared_publicly" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "positions" ADD COLUMN "shared_publicly" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "highlights_published_at" timestamp with time zone;