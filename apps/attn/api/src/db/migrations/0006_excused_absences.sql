CREATE TABLE "excused_absences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"category" text NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "excused_absences_once" UNIQUE("session_id","student_id"),
	CONSTRAINT "excused_absences_category_known" CHECK ("excused_absences"."category" in ('medical_report', 'official_duty', 'other'))
);
--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "absence_limit_percent" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "planned_sessions" integer;--> statement-breakpoint
ALTER TABLE "excused_absences" ADD CONSTRAINT "excused_absences_session_id_attendance_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."attendance_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "excused_absences" ADD CONSTRAINT "excused_absences_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "excused_absences" ADD CONSTRAINT "excused_absences_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "excused_absences_student_idx" ON "excused_absences" USING btree ("student_id");--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_absence_limit_range" CHECK ("courses"."absence_limit_percent" between 0 and 100);