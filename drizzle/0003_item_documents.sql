CREATE TABLE "item_document_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"field" text NOT NULL,
	"update" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	CONSTRAINT "item_document_updates_field_known" CHECK ("item_document_updates"."field" in ('description','meerwaarde'))
);
--> statement-breakpoint
ALTER TABLE "item_document_updates" ADD CONSTRAINT "item_document_updates_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_document_updates" ADD CONSTRAINT "item_document_updates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "item_document_updates_doc" ON "item_document_updates" USING btree ("item_id","field","id");