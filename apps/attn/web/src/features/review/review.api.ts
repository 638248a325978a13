// The teacher's review of selfie verifications: a session's check-ins to look at, with the
// engine's scores and the kept selfie, and the decision on one.
import { api } from '@campus/web/api/client.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  ReviewBody,
  ReviewItem as ReviewItemSchema,
  ReviewList as ReviewListSchema,
  ReviewResult,
} from '../../../../api/src/modules/attendance/index.ts';
import { liveKey, sessionKey } from '../sessions/sessions.api.ts';

export type ReviewItem = Static<typeof ReviewItemSchema>;
export type ReviewList = Static<typeof ReviewListSchema>;
export type Decision = Static<typeof ReviewBody>['decision'];

const reviewsKey = (sessionId: string) => ['teacher', 'sessions', sessionId, 'reviews'] as const;

export function useReviews(sessionId: string) {
  return useQuery({
    queryKey: reviewsKey(sessionId),
    queryFn: ({ signal }) =>
      api<ReviewList>(`/api/teacher/sessions/${encodeURIComponent(sessionId)}/reviews`, { signal }),
  });
}

export function useReview(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { checkinId: string; decision: Decision }) =>
      api<Static<typeof ReviewResult>>(
        `/api/teacher/checkins/${encodeURIComponent(input.checkinId)}/review`,
        {
          method: 'POST',
          body: { decision: input.decision },
        },
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: reviewsKey(sessionId) });
      void client.invalidateQueries({ queryKey: sessionKey(sessionId), exact: true });
      void client.invalidateQueries({ queryKey: liveKey(sessionId) });
    },
  });
}
