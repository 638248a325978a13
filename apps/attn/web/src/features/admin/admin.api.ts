// The admin's server state: terms and courses, the roster import (a dry run, then applying),
// the SIS sync's runs and "run now", and the job queues. Types come from the API's index.ts.
import { api } from '@campus/web/api/client.ts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  AdminCoursesPage as AdminCoursesPageSchema,
  AdminTerm as AdminTermSchema,
  ImportResponse as ImportResponseSchema,
} from '../../../../api/src/modules/courses/index.ts';
import type { JobsFailedList, JobsQueueList } from '../../../../api/src/modules/jobs/index.ts';
import type {
  SisStatusResponse as SisStatusSchema,
  SyncQueued as SyncQueuedSchema,
  SyncRun as SyncRunSchema,
  SyncRunsResponse as SyncRunsSchema,
} from '../../../../api/src/modules/sis/index.ts';

export type AdminTerm = Static<typeof AdminTermSchema>;
export type AdminCoursesPage = Static<typeof AdminCoursesPageSchema>;
export type AdminCourse = AdminCoursesPage['items'][number];
export type ImportResult = Static<typeof ImportResponseSchema>;
export type SisStatus = Static<typeof SisStatusSchema>;
export type SyncRun = Static<typeof SyncRunSchema>;
export type SyncRuns = Static<typeof SyncRunsSchema>;
export type JobQueue = JobsQueueList['items'][number];
export type FailedJob = JobsFailedList['items'][number];

export const adminKey = ['admin'] as const;

export function useTerms() {
  return useQuery({
    queryKey: [...adminKey, 'terms'],
    queryFn: ({ signal }) => api<{ items: AdminTerm[] }>('/api/admin/terms', { signal }),
  });
}

/** Courses by code, a page at a time ("show more" asks for the next). */
export function useAdminCourses(termId: string | undefined) {
  return useInfiniteQuery({
    queryKey: [...adminKey, 'courses', termId ?? ''],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: '50' });
      if (termId) query.set('term_id', termId);
      if (pageParam) query.set('before', pageParam);
      return api<AdminCoursesPage>(`/api/admin/courses?${query}`, { signal });
    },
    getNextPageParam: (last) => last.next_before ?? undefined,
  });
}

/** The roster file to the API: a dry run (nothing changes) or the real import. */
async function sendRoster(csv: string, dryRun: boolean): Promise<ImportResult> {
  return api<ImportResult>(`/api/admin/import/roster?dry_run=${dryRun}`, {
    method: 'POST',
    body: new Blob([csv], { type: 'text/csv' }),
  });
}

export function useRosterImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { csv: string; dryRun: boolean }) => sendRoster(input.csv, input.dryRun),
    onSuccess: (result) => {
      if (result.applied) void client.invalidateQueries({ queryKey: adminKey });
    },
  });
}

export function useSisStatus() {
  return useQuery({
    queryKey: [...adminKey, 'sis', 'status'],
    queryFn: ({ signal }) => api<SisStatus>('/api/admin/sis/status', { signal }),
  });
}

/** The newest runs; asked again every two seconds while `watch` is on (a sync was just queued). */
export function useSyncRuns(watch: boolean) {
  return useQuery({
    queryKey: [...adminKey, 'sis', 'runs'],
    queryFn: ({ signal }) => api<SyncRuns>('/api/admin/sis/sync-runs?limit=10', { signal }),
    refetchInterval: watch ? 2000 : false,
  });
}

export function useRunSync() {
  return useMutation({
    mutationFn: () => api<Static<typeof SyncQueuedSchema>>('/api/admin/sis/sync', { method: 'POST' }),
  });
}

export const jobsKey = [...adminKey, 'jobs'] as const;

export function useJobQueues() {
  return useQuery({
    queryKey: jobsKey,
    queryFn: ({ signal }) => api<JobsQueueList>('/api/admin/jobs', { signal }),
  });
}

export function useFailedJobs(queue: string) {
  return useQuery({
    queryKey: [...jobsKey, queue, 'failed'],
    queryFn: ({ signal }) =>
      api<JobsFailedList>(`/api/admin/jobs/${encodeURIComponent(queue)}/failed`, { signal }),
  });
}

export function useJobAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { queue: string; id: string; action: 'retry' | 'cancel' }) =>
      api<unknown>(
        `/api/admin/jobs/${encodeURIComponent(input.queue)}/${encodeURIComponent(input.id)}/${input.action}`,
        { method: 'POST' },
      ),
    onSettled: () => client.invalidateQueries({ queryKey: jobsKey }),
  });
}
