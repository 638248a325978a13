// Applying as a volunteer.
import { api } from '@campus/web/api/client.ts';
import { useMutation } from '@tanstack/react-query';
import type { SubmissionAnswer } from '../shell/submitted.tsx';

export interface VolunteerApplication {
  name: string;
  email: string;
  phone?: string;
  availability?: string;
  message?: string;
}

export function useApply() {
  return useMutation({
    mutationFn: (body: VolunteerApplication) => api<SubmissionAnswer>('/api/volunteers', { body }),
  });
}
