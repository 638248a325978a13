-- Until issue 13 this migration also created the platform's tables (audit_log, auth_sessions,
-- refresh_tokens, stored_files with file_contents, job_progress). The platform now migrates
-- them itself, before this app (packages/platform/src/db/migrations); a database that ran the
-- old text keeps them, and the platform's first migration leaves them as they are.
CREATE TABLE "admins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admins_email_unique" UNIQUE("email"),
	CONSTRAINT "admins_role_known" CHECK ("admins"."role" in ('superadmin', 'staff'))
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"session_type" text NOT NULL,
	"preferred_date" date NOT NULL,
	"preferred_time" text,
	"message" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"manage_token_hash" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_reference_unique" UNIQUE("reference"),
	CONSTRAINT "bookings_manageTokenHash_unique" UNIQUE("manage_token_hash"),
	CONSTRAINT "bookings_type_known" CHECK ("bookings"."session_type" in ('individual', 'couple', 'family', 'group')),
	CONSTRAINT "bookings_status_known" CHECK ("bookings"."status" in ('pending', 'confirmed', 'completed', 'cancelled', 'no-show'))
);
--> statement-breakpoint
CREATE INDEX "bookings_status_created_idx" ON "bookings" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "bookings_dedupe_idx" ON "bookings" USING btree ("dedupe_key","created_at");