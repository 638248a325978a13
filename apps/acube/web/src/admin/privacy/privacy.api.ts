// A person's data on request, as the panel asks the API for it: the counts per kind, the export
// (a download), the erasure confirmed with the counts. The address goes in the body, never in a
// URL (or the query cache's key outside this page's memory).
import type {
  CountsResponse,
  EraseBody,
  EraseResponse,
  PrivacyCounts,
} from '../../../../api/src/modules/privacy/index.ts';
import { adminApi, adminDownload } from '../admin-api.ts';

export type { CountsResponse, EraseResponse, PrivacyCounts };

/** The kinds of record, in the order the page lists them; the mails last. */
export const KINDS = [
  'bookings',
  'registrations',
  'volunteer_applications',
  'contact_messages',
  'mails',
] as const;

export const countHeld = (email: string, signal?: AbortSignal) =>
  adminApi<CountsResponse>('/api/admin/privacy/count', {
    method: 'POST',
    body: { email },
    ...(signal ? { signal } : {}),
  });

export const downloadHeld = (email: string) =>
  adminDownload('/api/admin/privacy/export', { method: 'POST', body: { email } });

/** The erasure, confirmed with the record counts the admin saw (the mails are not confirmed). */
export function eraseHeld(email: string, counts: PrivacyCounts): Promise<EraseResponse> {
  const { mails: _mails, ...expected } = counts;
  const body: EraseBody = { email, expected };
  return adminApi<EraseResponse>('/api/admin/privacy/erase', { method: 'POST', body });
}
