// The selfie check-in: the check-in's proof (a ticket, which keeps the student's place for two
// minutes while they take the photo) and the selfie in one multipart request; then its verdict,
// read from the student's own history until it is no longer pending (the live channel is the
// teacher's; a student's phone asks every few seconds, and stops once the verdict is in).
import { api } from '@campus/web/api/client.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HistoryPage } from '../../../../api/src/modules/reports/index.ts';
import type { CheckIn } from './checkins.api.ts';
import { deviceId } from './device-id.ts';

export interface SelfieInput {
  sessionId: string;
  ticket: string;
  selfie: Blob;
}

export function postSelfieCheckIn(input: SelfieInput): Promise<CheckIn> {
  const form = new FormData();
  form.append('session_id', input.sessionId);
  form.append('ticket', input.ticket);
  form.append('device_id', deviceId());
  form.append('selfie', input.selfie, 'selfie.jpg');
  return api<CheckIn>('/api/student/checkins/selfie', { method: 'POST', body: form });
}

export function useSelfieCheckIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: postSelfieCheckIn,
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['student', 'courses'] });
    },
  });
}

/** How often a pending verdict is asked for. */
export const VERDICT_POLL_MS = 1500;

/** The check-in's verification as the student's history has it, asked again while 'pending'. */
export function useVerdict(checkinId: string, initial: string) {
  return useQuery({
    queryKey: ['student', 'verdict', checkinId],
    queryFn: async () => {
      const page = await api<HistoryPage>('/api/student/history?limit=20');
      return page.items.find((item) => item.id === checkinId)?.verification ?? initial;
    },
    initialData: initial,
    initialDataUpdatedAt: 0,
    refetchInterval: (query) => (query.state.data === 'pending' ? VERDICT_POLL_MS : false),
    refetchIntervalInBackground: false,
  });
}
