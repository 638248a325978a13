// Applying as a volunteer.
import { api } from '@campus/web/api/client.ts';
import { useMutation } from '@tanstack/react-query';
import type { SubmissionAck, VolunteerBody } from '../../../../api/src/modules/volunteers/index.ts';
import type { BotCheck } from '../shell/bot-check.tsx';

/** The form's application: the body as the API takes it, the fields with a default optional. */
export type VolunteerApplication = Omit<VolunteerBody, 'phone' | 'availability' | 'message'> &
  Partial<Pick<VolunteerBody, 'phone' | 'availability' | 'message'>>;

/** Sent with the bot check's solution (it waits for one). */
export function useApply(check: BotCheck) {
  return useMutation({
    mutationFn: async (body: VolunteerApplication) =>
      api<SubmissionAck>('/api/volunteers', { body, headers: await check.headers() }),
  });
}
