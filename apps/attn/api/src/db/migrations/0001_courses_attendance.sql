-- Until issue 13 this migration also created the platform's tables (audit_log, auth_sessions,
-- refresh_tokens, stored_files with file_contents, job_progress). The platform now migrates
-- them itself, before this app (packages/platform/src/db/migrations); a database that ran the
-- old text keeps them, and the platform's first migration leaves them as they are.
CREATE TABLE "attendance_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"opened_by" uuid NOT NULL,
	"title" text,
	"opened_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"code_step_seconds" integer NOT NULL,
	"late_after_minutes" integer,
	"selfie_required" boolean DEFAULT false NOT NULL,
	"allowed_networks" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"status" text NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL,
	"source" text DEFAULT 'code' NOT NULL,
	"device_id" text,
	"ip" text,
	"marked_by" uuid,
	"reason" text,
	"verification" text DEFAULT 'not_required' NOT NULL,
	"selfie_file_id" uuid,
	"similarity" real,
	"face_count" integer,
	"spoof_score" real,
	"liveness_score" real,
	"verified_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "checkins_once_per_session" UNIQUE("session_id","student_id"),
	CONSTRAINT "checkins_status_known" CHECK ("checkins"."status" in ('present', 'late'))
);
--> statement-breakpoint
CREATE TABLE "checkins_archive" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"status" text NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL,
	"source" text DEFAULT 'code' NOT NULL,
	"device_id" text,
	"ip" text,
	"marked_by" uuid,
	"reason" text,
	"verification" text DEFAULT 'not_required' NOT NULL,
	"selfie_file_id" uuid,
	"similarity" real,
	"face_count" integer,
	"spoof_score" real,
	"liveness_score" real,
	"verified_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"archived_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sis_sync_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text NOT NULL,
	"changes" jsonb,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "course_teachers" (
	"course_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_teachers_course_id_teacher_id_pk" PRIMARY KEY("course_id","teacher_id")
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sis_id" text,
	"term_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "courses_sisId_unique" UNIQUE("sis_id")
);
--> statement-breakpoint
CREATE TABLE "enrollments" (
	"course_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"source" text DEFAULT 'sis' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrollments_course_id_student_id_pk" PRIMARY KEY("course_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sis_id" text,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "terms_sisId_unique" UNIQUE("sis_id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "sis_id" text;--> statement-breakpoint
ALTER TABLE "attendance_sessions" ADD CONSTRAINT "attendance_sessions_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_sessions" ADD CONSTRAINT "attendance_sessions_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_session_id_attendance_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."attendance_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_teachers" ADD CONSTRAINT "course_teachers_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_teachers" ADD CONSTRAINT "course_teachers_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_term_id_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_sessions_course_idx" ON "attendance_sessions" USING btree ("course_id","opened_at");--> statement-breakpoint
CREATE INDEX "attendance_sessions_open_idx" ON "attendance_sessions" USING btree ("ends_at") WHERE "attendance_sessions"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "checkins_student_idx" ON "checkins" USING btree ("student_id","checked_in_at");--> statement-breakpoint
CREATE INDEX "checkins_device_idx" ON "checkins" USING btree ("session_id","device_id");--> statement-breakpoint
CREATE INDEX "checkins_pending_idx" ON "checkins" USING btree ("verification") WHERE "checkins"."verification" in ('pending', 'needs_review');--> statement-breakpoint
CREATE INDEX "checkins_archive_session_idx" ON "checkins_archive" USING btree ("session_id","student_id");--> statement-breakpoint
CREATE INDEX "checkins_archive_student_idx" ON "checkins_archive" USING btree ("student_id","checked_in_at");--> statement-breakpoint
CREATE INDEX "course_teachers_teacher_idx" ON "course_teachers" USING btree ("teacher_id");--> statement-breakpoint
CREATE INDEX "courses_term_idx" ON "courses" USING btree ("term_id","code");--> statement-breakpoint
CREATE INDEX "enrollments_student_idx" ON "enrollments" USING btree ("student_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_sisId_unique" UNIQUE("sis_id");