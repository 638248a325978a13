CREATE TABLE "face_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"text_version" text NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "face_embeddings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"consent_id" uuid NOT NULL,
	"embedding" real[] NOT NULL,
	"model" text NOT NULL,
	"detection_score" real,
	"face_size" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checkins" ADD COLUMN "verification_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "checkins" ADD COLUMN "selfie_delete_after" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "checkins_archive" ADD COLUMN "verification_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "checkins_archive" ADD COLUMN "selfie_delete_after" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "face_consents" ADD CONSTRAINT "face_consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "face_embeddings" ADD CONSTRAINT "face_embeddings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "face_embeddings" ADD CONSTRAINT "face_embeddings_consent_id_face_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."face_consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "face_consents_live_idx" ON "face_consents" USING btree ("user_id") WHERE "face_consents"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "face_consents_user_idx" ON "face_consents" USING btree ("user_id","consented_at");--> statement-breakpoint
CREATE INDEX "face_embeddings_user_idx" ON "face_embeddings" USING btree ("user_id");