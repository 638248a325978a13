// Writing to the organisation through the contact form.
import { api } from '@campus/web/api/client.ts';
import { useMutation } from '@tanstack/react-query';
import type { SubmissionAnswer } from '../shell/submitted.tsx';

export interface ContactMessage {
  name: string;
  email: string;
  subject?: string;
  message: string;
}

export function useSendMessage() {
  return useMutation({
    mutationFn: (body: ContactMessage) => api<SubmissionAnswer>('/api/contact', { body }),
  });
}
