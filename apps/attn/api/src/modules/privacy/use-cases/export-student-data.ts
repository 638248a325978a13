// A student's data as one JSON document, for the student or an admin acting on their request:
// profile, rosters, attendance (check-ins with their device and address, excused absences
// with the teacher's note), the face consent history and enrolment dates, and each selfie
// check's verdict with its reason. Never biometric numbers: no embedding, and no engine score
// (similarity, spoof, liveness) either: those are the output of processing the face itself,
// and the verdict with its reason says what they decided. Audited, without the content.
import type { PrivacyAccount } from '../../auth/index.ts';
import type { Actor, PrivacyContext } from '../privacy.context.ts';
import type { StudentExport } from '../privacy.schemas.ts';

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export const NOT_INCLUDED = [
  'face embeddings: the numbers computed from your enrolled photos are biometric data; they are used only to check your selfies and are never exported',
  'selfie check scores (similarity, spoof and liveness): numbers computed from your face; the verdict and its reason are included instead',
  'photos: enrolment photos are never stored; a selfie is kept only while a teacher reviews it, and is shown to that teacher only',
  'your password: only a one-way hash is kept (or the student information system checks it)',
  'other students on your rosters: their data is theirs',
];

export async function exportStudentData(
  ctx: PrivacyContext,
  input: { student: PrivacyAccount; who: Actor; requestedBy: 'student' | 'admin' },
): Promise<StudentExport> {
  const { student } = input;
  const courses = await ctx.courses.listEnrolments(student.id);
  const checkins = await ctx.attendance.listCheckins(student.id);
  const excuses = await ctx.attendance.listExcuses(student.id);
  const consents = await ctx.face.listConsents(student.id);
  const enrolments = await ctx.face.listEnrolments(student.id);
  const keptSelfies = await ctx.attendance.countKeptSelfies(student.id);

  const document: StudentExport = {
    format: 'attn-student-data/1',
    generated_at: iso(ctx.clock.now()),
    profile: {
      school_number: student.schoolNumber,
      full_name: student.fullName,
      email: student.email,
      role: student.role,
      account: student.sisId ? 'sis' : 'local',
      created_at: iso(student.createdAt),
      disabled_at: isoOrNull(student.disabledAt),
    },
    courses: courses.map((c) => ({
      code: c.code,
      title: c.title,
      term: { title: c.termTitle, starts_on: c.startsOn, ends_on: c.endsOn },
      roster_source: c.source,
      on_roster_since: iso(c.enrolledAt),
    })),
    attendance: {
      checkins: checkins.map((c) => ({
        course_code: c.courseCode,
        session_title: c.sessionTitle,
        session_opened_at: iso(c.sessionOpenedAt),
        status: c.status,
        source: c.source,
        checked_in_at: iso(c.checkedInAt),
        device_id: c.deviceId,
        ip: c.ip,
        teacher_reason: c.reason,
        archived: c.archived,
      })),
      excused_absences: excuses.map((e) => ({
        course_code: e.courseCode,
        session_title: e.sessionTitle,
        session_opened_at: iso(e.sessionOpenedAt),
        category: e.category,
        note: e.note,
        recorded_at: iso(e.recordedAt),
      })),
    },
    face: {
      consents: consents.map((c) => ({
        text_version: c.textVersion,
        consented_at: iso(c.consentedAt),
        withdrawn_at: isoOrNull(c.withdrawnAt),
      })),
      enrolled_photos: enrolments.map((e) => ({ enrolled_at: iso(e.createdAt), model: e.model })),
      kept_selfies: keptSelfies,
    },
    verifications: checkins
      .filter((c) => c.verification !== 'not_required')
      .map((c) => ({
        course_code: c.courseCode,
        session_opened_at: iso(c.sessionOpenedAt),
        checked_in_at: iso(c.checkedInAt),
        verdict: c.verification,
        reason: c.verificationReason,
        decided_at: isoOrNull(c.verifiedAt),
        reviewed_by_teacher_at: isoOrNull(c.reviewedAt),
      })),
    not_included: NOT_INCLUDED,
  };

  await ctx.audit.record(ctx.db(), {
    ...input.who,
    action: 'privacy.export',
    entity: 'user',
    entityId: student.id,
    changes: {
      requested_by: input.requestedBy,
      courses: document.courses.length,
      checkins: document.attendance.checkins.length,
      excused_absences: document.attendance.excused_absences.length,
    },
  });
  return document;
}
