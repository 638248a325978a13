// The admin lists and bulk operations as the panel calls them: a page of a list for a filter,
// sort and page (the query the table keeps in the URL), how many records a filter matches, a
// bulk status change or delete by ids or by filter, and a background operation's progress.
import { listQuery, type TableState } from '@campus/web/table/url-state.ts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { adminApi } from '../admin-api.ts';

export { changedCount } from './count-changed.ts';

export interface ListAnswer<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

/** A page of the list at `path` for the table's state; the last page stays shown while the next loads. */
export const listPageQuery = <T>(path: string, state: TableState) =>
  queryOptions({
    queryKey: ['admin-list', path, listQuery(state).toString()],
    queryFn: ({ signal }) => adminApi<ListAnswer<T>>(`${path}?${listQuery(state)}`, { signal }),
    placeholderData: keepPreviousData,
  });

/** The kinds of record the bulk routes take. */
export type BulkEntity = 'bookings' | 'volunteers' | 'contact';

/** What to act on: some ids, or whatever matches a filter (with the count the admin confirmed). */
export type BulkTarget = { ids: string[] } | { filter: Record<string, string>; expected_count: number };

export interface BulkAnswer {
  success: boolean;
  processing: 'immediate' | 'background';
  message: string;
  done?: number;
  missing?: string[];
  operation_id?: string;
}

export interface Operation {
  id: string;
  action: string;
  entity: string;
  status: 'queued' | 'running' | 'completed' | 'failed' | string;
  total: number;
  progress: { done: number; total: number };
  done: number;
  missing: number;
  failed: number;
  not_attempted: number;
  error: string | null;
  report_url: string | null;
}

export async function countMatching(entity: BulkEntity, filter: Record<string, string>): Promise<number> {
  const answer = await adminApi<{ count: number }>('/api/admin/bulk/count', { body: { entity, filter } });
  return answer.count;
}

export function bulkStatus(entity: BulkEntity, target: BulkTarget, status: string): Promise<BulkAnswer> {
  return adminApi<BulkAnswer>('/api/admin/bulk/status-update', { body: { entity, status, ...target } });
}

export function bulkDelete(entity: BulkEntity, target: BulkTarget): Promise<BulkAnswer> {
  return adminApi<BulkAnswer>('/api/admin/bulk/delete', { body: { entity, ...target } });
}

export const isFinished = (op: Operation) => op.status === 'completed' || op.status === 'failed';

export const operationQuery = (id: string) =>
  queryOptions({
    queryKey: ['bulk-operation', id],
    queryFn: ({ signal }) =>
      adminApi<Operation>(`/api/admin/bulk/operations/${encodeURIComponent(id)}`, { signal }),
    // Polled until it ends; each answer is shown as it comes.
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : 700),
    staleTime: 0,
  });
