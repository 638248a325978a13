// The audit log's reads for the panel, and the admins' names by id (superadmins may list the
// admins; for staff an entry shows the admin's id instead).

import type { AuditListItem, AuditListPage } from '@campus/platform/audit';
import { useQuery } from '@tanstack/react-query';
import type { AdminItem } from '../../../../api/src/modules/admins/index.ts';
import { adminApi } from '../admin-api.ts';

export type AuditItem = AuditListItem;
export type AuditList = AuditListPage;
export * from './audit-url.ts';

export const adminsQueryKey = ['admin', 'admins'] as const;

/** The admins' names by id; empty when `enabled` is false (a staff member). */
export function useAdminNames(enabled: boolean): Map<string, string> {
  const admins = useQuery({
    queryKey: adminsQueryKey,
    queryFn: ({ signal }) => adminApi<{ items: AdminItem[] }>('/api/admin/admins', { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
  return new Map((admins.data?.items ?? []).map((a) => [a.id, a.name]));
}
