// The student's own attendance: the rate and sessions of each course, and the latest check-ins
// across courses.
import { api } from '@campus/web/api/client.ts';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { HistoryPage, StudentReport } from '../../../../api/src/modules/reports/index.ts';

export type CourseReport = Static<typeof StudentReport>;
export type SessionRow = CourseReport['sessions'][number];
export type HistoryItem = Static<typeof HistoryPage>['items'][number];

export function useCourseReports(courseIds: string[]) {
  return useQueries({
    queries: courseIds.map((id) => ({
      queryKey: ['student', 'report', id],
      queryFn: () => api<CourseReport>(`/api/student/courses/${encodeURIComponent(id)}/report`),
    })),
  });
}

export function useRecentCheckins(limit: number) {
  return useQuery({
    queryKey: ['student', 'history', limit],
    queryFn: () => api<Static<typeof HistoryPage>>(`/api/student/history?limit=${limit}`),
  });
}
