// Writing to the organisation through the contact form.
import { api } from '@campus/web/api/client.ts';
import { useMutation } from '@tanstack/react-query';
import type { ContactBody, SubmissionAck } from '../../../../api/src/modules/contact/index.ts';
import type { BotCheck } from '../shell/bot-check.tsx';

/** The form's message: the body as the API takes it, the subject optional. */
export type ContactMessage = Omit<ContactBody, 'subject'> & Partial<Pick<ContactBody, 'subject'>>;

/** Sent with the bot check's solution (it waits for one). */
export function useSendMessage(check: BotCheck) {
  return useMutation({
    mutationFn: async (body: ContactMessage) =>
      api<SubmissionAck>('/api/contact', { body, headers: await check.headers() }),
  });
}
