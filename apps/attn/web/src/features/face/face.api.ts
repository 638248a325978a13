// The student's face verification: consent (read, give, withdraw) and the enrolment photos, in
// the one query cache. Every route acts on the caller only; nothing here names a student.
import { ApiError, api } from '@campus/web/api/client.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FaceStatusResponse } from '../../../../api/src/modules/face/index.ts';

export type FaceStatus = FaceStatusResponse;

export const faceStatusKey = ['student', 'face'] as const;

export function useFaceStatus() {
  return useQuery({
    queryKey: faceStatusKey,
    queryFn: () => api<FaceStatus>('/api/student/face'),
  });
}

/** Enrolled as the API means it: a live consent and at least one photo's numbers. */
export const isEnrolled = (status: FaceStatus | undefined) => Boolean(status?.consent && status.enrolled > 0);

/** A live consent to the text the API shows now (an older one must be read and agreed again). */
export const hasCurrentConsent = (status: FaceStatus | undefined) =>
  Boolean(status?.consent && status.consent.text_version === status.consent_text.version);

export function useGiveConsent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (textVersion: string) =>
      api<NonNullable<FaceStatus['consent']>>('/api/student/face/consent', {
        method: 'POST',
        body: { text_version: textVersion },
      }),
    onSettled: () => client.invalidateQueries({ queryKey: faceStatusKey }),
  });
}

export function useWithdrawConsent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/student/face/consent', { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: faceStatusKey }),
  });
}

export function useEnrol() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (photos: Blob[]) => {
      const form = new FormData();
      photos.forEach((photo, i) => {
        form.append('photo', photo, `photo-${i + 1}.jpg`);
      });
      return api<{ enrolled: number }>('/api/student/face/enrolment', { method: 'POST', body: form });
    },
    onSettled: () => client.invalidateQueries({ queryKey: faceStatusKey }),
  });
}

/** The refusal of one photo: which (from 0) and why (NO_FACE, MULTIPLE_FACES, ..., TOO_LARGE). */
export interface PhotoRefusal {
  index: number;
  code: string;
}

/**
 * What an enrolment's refusal says about each photo: the API names each refused photo
 * (details[].index and code); a photo too large is named by its index only.
 */
export function photoRefusals(err: unknown): PhotoRefusal[] {
  if (!(err instanceof ApiError)) return [];
  return err.details.flatMap((d) => {
    const detail = d as { index?: unknown; code?: unknown };
    if (typeof detail.index !== 'number') return [];
    const code = err.status === 413 ? 'TOO_LARGE' : typeof detail.code === 'string' ? detail.code : '';
    return [{ index: detail.index, code }];
  });
}
