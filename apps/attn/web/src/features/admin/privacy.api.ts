// The admin's privacy screen's server state: a student by school number with their face data's
// status, and deleting that face data. The export itself is a plain download link (the session
// cookie goes with it), so the file never passes through a script. Types from the API's index.ts.
import { api } from '@campus/web/api/client.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FaceDeletion, PrivacyStudent } from '../../../../api/src/modules/privacy/index.ts';
import { adminKey } from './admin.api.ts';

export type { FaceDeletion, PrivacyStudent };

const studentPath = (schoolNumber: string) =>
  `/api/admin/privacy/students/${encodeURIComponent(schoolNumber)}`;

/** Where an admin downloads everything ATTN holds about the student. */
export const exportHref = (schoolNumber: string) => `${studentPath(schoolNumber)}/export`;

const privacyKey = (schoolNumber: string) => [...adminKey, 'privacy', schoolNumber] as const;

export function usePrivacyStudent(schoolNumber: string) {
  return useQuery({
    queryKey: privacyKey(schoolNumber),
    queryFn: ({ signal }) => api<PrivacyStudent>(studentPath(schoolNumber), { signal }),
    enabled: schoolNumber !== '',
    retry: false,
  });
}

export function useDeleteFaceData(schoolNumber: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<FaceDeletion>(`${studentPath(schoolNumber)}/face`, { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: privacyKey(schoolNumber) }),
  });
}
