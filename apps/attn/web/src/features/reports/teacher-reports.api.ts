// A course's reports as its teachers read them (per course, per student), its excused absences
// and absence limit, and the student's own distance to the limit in each course. Types come from
// the API's own schemas.
import { api } from '@campus/web/api/client.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { ExcuseBody, ExcusedAbsence, ExcuseList } from '../../../../api/src/modules/attendance/index.ts';
import type { AbsenceLimit, AbsenceLimitBody } from '../../../../api/src/modules/courses/index.ts';
import type {
  AbsenceOverview,
  CourseReport as CourseReportSchema,
  TeacherStudentReport as TeacherStudentReportSchema,
} from '../../../../api/src/modules/reports/index.ts';

export type TeacherCourseReport = Static<typeof CourseReportSchema>;
export type ReportStudent = TeacherCourseReport['students'][number];
export type SessionCount = TeacherCourseReport['sessions'][number];
export type TeacherStudentReport = Static<typeof TeacherStudentReportSchema>;
export type Excuse = Static<typeof ExcusedAbsence>;
export type NewExcuse = Static<typeof ExcuseBody>;
export type Limit = Static<typeof AbsenceLimit>;
export type LimitBody = Static<typeof AbsenceLimitBody>;
export type OwnAbsences = Static<typeof AbsenceOverview>;

const enc = encodeURIComponent;
const reportKey = (courseId: string) => ['teacher', 'reports', courseId] as const;

export function useTeacherCourseReport(courseId: string) {
  return useQuery({
    queryKey: [...reportKey(courseId), 'course'],
    queryFn: ({ signal }) =>
      api<TeacherCourseReport>(`/api/teacher/courses/${enc(courseId)}/report`, { signal }),
  });
}

export function useTeacherStudentReport(courseId: string, studentId: string) {
  return useQuery({
    queryKey: [...reportKey(courseId), 'student', studentId],
    queryFn: ({ signal }) =>
      api<TeacherStudentReport>(`/api/teacher/courses/${enc(courseId)}/students/${enc(studentId)}/report`, {
        signal,
      }),
  });
}

export function useAbsenceLimit(courseId: string) {
  return useQuery({
    queryKey: [...reportKey(courseId), 'limit'],
    queryFn: ({ signal }) => api<Limit>(`/api/courses/${enc(courseId)}/absence-limit`, { signal }),
  });
}

/** After any change: the course's reports, excuses and limit are read again. */
function useChanged(courseId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: reportKey(courseId) });
}

export function useSetAbsenceLimit(courseId: string) {
  const changed = useChanged(courseId);
  return useMutation({
    mutationFn: (body: LimitBody) =>
      api<Limit>(`/api/courses/${enc(courseId)}/absence-limit`, { method: 'PUT', body }),
    onSuccess: changed,
  });
}

export function useRecordExcuse(courseId: string) {
  const changed = useChanged(courseId);
  return useMutation({
    mutationFn: (body: NewExcuse) =>
      api<Excuse>(`/api/courses/${enc(courseId)}/excused-absences`, { method: 'POST', body }),
    onSuccess: changed,
  });
}

export function useRemoveExcuse(courseId: string) {
  const changed = useChanged(courseId);
  return useMutation({
    mutationFn: (excuseId: string) =>
      api<Excuse>(`/api/courses/${enc(courseId)}/excused-absences/${enc(excuseId)}`, { method: 'DELETE' }),
    onSuccess: changed,
  });
}

export type { ExcuseList };

/** The student's own distance to the absence limit in each of their courses. */
export function useOwnAbsences() {
  return useQuery({
    queryKey: ['student', 'absences'],
    queryFn: ({ signal }) => api<OwnAbsences>('/api/student/absences', { signal }),
  });
}
