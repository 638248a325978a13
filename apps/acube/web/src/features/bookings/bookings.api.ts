// Booking a session, and the person's own request through the private link in their mail.
import { api } from '@campus/web/api/client.ts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BookAnswer, BookBody, OwnBooking } from '../../../../api/src/modules/bookings/index.ts';
import type { BotCheck } from '../shell/bot-check.tsx';

/**
 * The form's request: the body as the API takes it, the fields with a default optional, and the
 * session type one of the names GET /api/site lists (TypeBox types that union as never).
 */
export type BookingRequest = Omit<BookBody, 'phone' | 'message' | 'session_type'> &
  Partial<Pick<BookBody, 'phone' | 'message'>> & { session_type: string };
export type { BookAnswer as BookingAnswer, OwnBooking };

/** Sent with the bot check's solution (it waits for one). */
export function useBookSession(check: BotCheck) {
  return useMutation({
    mutationFn: async (body: BookingRequest) =>
      api<BookAnswer>('/api/sessions/book', { body, headers: await check.headers() }),
  });
}

const ownKey = (token: string) => ['own-booking', token] as const;

export const ownBookingQuery = (token: string) =>
  queryOptions({
    queryKey: ownKey(token),
    queryFn: () => api<OwnBooking>(`/api/sessions/manage?token=${encodeURIComponent(token)}`),
  });

export function useOwnBooking(token: string) {
  return useQuery(ownBookingQuery(token));
}

export function useCancelOwnBooking(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<OwnBooking>('/api/sessions/manage/cancel', { body: { token } }),
    onSuccess: (booking) => client.setQueryData(ownKey(token), booking),
  });
}
