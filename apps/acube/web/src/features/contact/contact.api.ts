// Writing to the organisation through the contact form.
import { api } from '@campus/web/api/client.ts';
import { useMutation } from '@tanstack/react-query';
import type { ContactBody, SubmissionAck } from '../../../../api/src/modules/contact/index.ts';

/** The form's message: the body as the API takes it, the subject optional. */
export type ContactMessage = Omit<ContactBody, 'subject'> & Partial<Pick<ContactBody, 'subject'>>;

export function useSendMessage() {
  return useMutation({
    mutationFn: (body: ContactMessage) => api<SubmissionAck>('/api/contact', { body }),
  });
}
