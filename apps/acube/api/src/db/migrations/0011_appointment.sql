ALTER TABLE "bookings" ADD COLUMN "appointment_starts_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "appointment_duration_minutes" integer;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "appointment_mode" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "appointment_with" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "appointment_location" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "appointment_sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_appointment_mode_known" CHECK ("bookings"."appointment_mode" in ('in_person', 'online'));--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_appointment_whole" CHECK (("bookings"."appointment_starts_at" is null) = ("bookings"."appointment_duration_minutes" is null) and ("bookings"."appointment_starts_at" is null) = ("bookings"."appointment_mode" is null) and ("bookings"."appointment_starts_at" is null) = ("bookings"."appointment_with" is null));