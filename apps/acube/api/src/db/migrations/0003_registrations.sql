CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"status" text NOT NULL,
	"position" integer,
	"manage_token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registrations_manageTokenHash_unique" UNIQUE("manage_token_hash"),
	CONSTRAINT "registrations_status_known" CHECK ("registrations"."status" in ('confirmed', 'waiting', 'cancelled')),
	CONSTRAINT "registrations_position_when_waiting" CHECK (("registrations"."status" = 'waiting') = ("registrations"."position" is not null))
);
--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registrations_event_status_idx" ON "registrations" USING btree ("event_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_event_email_live_idx" ON "registrations" USING btree ("event_id","email") WHERE "registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_event_position_idx" ON "registrations" USING btree ("event_id","position") WHERE "registrations"."position" is not null;