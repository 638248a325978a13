ALTER TABLE "bookings" ADD COLUMN "consent_notice_version" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "consented_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "image_file_id" uuid;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_image_file_id_stored_files_id_fk" FOREIGN KEY ("image_file_id") REFERENCES "public"."stored_files"("id") ON DELETE set null ON UPDATE no action;