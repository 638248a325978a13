// Booking a session, and the person's own request through the private link in their mail.
import { api } from '@campus/web/api/client.ts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

export interface BookingRequest {
  name: string;
  email: string;
  phone?: string;
  session_type: string;
  preferred_date: string;
  preferred_time?: string;
  message?: string;
  health_consent: true;
  privacy_notice_version: string;
}

export interface BookingAnswer {
  reference: string;
  status: string;
  message: string;
  /** True when the same request came in a moment ago: nothing was made twice. */
  repeat: boolean;
}

export interface OwnBooking {
  reference: string;
  name: string;
  session_type: string;
  preferred_date: string;
  preferred_time: string | null;
  status: string;
  created_at: string;
}

export function useBookSession() {
  return useMutation({
    mutationFn: (body: BookingRequest) => api<BookingAnswer>('/api/sessions/book', { body }),
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
