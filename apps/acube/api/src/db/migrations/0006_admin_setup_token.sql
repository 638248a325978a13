ALTER TABLE "admins" ADD COLUMN "setup_token_hash" text;--> statement-breakpoint
ALTER TABLE "admins" ADD COLUMN "setup_token_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "admins" ADD CONSTRAINT "admins_setupTokenHash_unique" UNIQUE("setup_token_hash");