// The teacher's courses and one course with its roster, and opening an attendance session for
// it. Types come from the API's own schemas.
import { api } from '@campus/web/api/client.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  TeacherCourseDetail as TeacherCourseDetailSchema,
  TeacherCourse as TeacherCourseSchema,
} from '../../../../api/src/modules/my-courses/index.ts';
import type {
  OpenSessionBody as OpenSessionBodySchema,
  SessionResponse as SessionResponseSchema,
} from '../../../../api/src/modules/sessions/index.ts';

export type TeacherCourse = Static<typeof TeacherCourseSchema>;
export type TeacherCourseDetail = Static<typeof TeacherCourseDetailSchema>;
export type RosterStudent = TeacherCourseDetail['roster'][number];
export type OpenSessionBody = Static<typeof OpenSessionBodySchema>;
export type Session = Static<typeof SessionResponseSchema>;

export const coursesKey = ['teacher', 'courses'] as const;
export const courseKey = (courseId: string) => ['teacher', 'courses', courseId] as const;

export function useTeacherCourses() {
  return useQuery({
    queryKey: coursesKey,
    queryFn: ({ signal }) => api<{ items: TeacherCourse[] }>('/api/teacher/courses', { signal }),
  });
}

export function useTeacherCourse(courseId: string | undefined) {
  return useQuery({
    queryKey: courseKey(courseId ?? ''),
    queryFn: ({ signal }) =>
      api<TeacherCourseDetail>(`/api/teacher/courses/${encodeURIComponent(courseId ?? '')}`, { signal }),
    enabled: Boolean(courseId),
  });
}

export function useOpenSession(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenSessionBody) =>
      api<Session>(`/api/teacher/courses/${encodeURIComponent(courseId)}/sessions`, { method: 'POST', body }),
    onSuccess: (session) => {
      client.setQueryData(['teacher', 'sessions', session.id], session);
      void client.invalidateQueries({ queryKey: coursesKey });
    },
    onError: () => {
      // A 409 means a session is already open: the course's answer will say which.
      void client.invalidateQueries({ queryKey: coursesKey });
    },
  });
}
