// Published events, registering for one (a full event puts the person on its waiting list),
// and the person's own registration through the private link in their mail.
import { api } from '@campus/web/api/client.ts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  OwnRegistration,
  PublicEvent,
  RegistrationResult,
} from '../../../../api/src/modules/events/index.ts';
import type { BotCheck } from '../shell/bot-check.tsx';

export type { OwnRegistration, PublicEvent };
/** What registering answers: confirmed, or waiting with the position on the list. */
export type RegistrationAnswer = RegistrationResult;

export const eventsQuery = queryOptions({
  queryKey: ['events'],
  queryFn: () => api<{ items: PublicEvent[] }>('/api/events'),
});

export const eventQuery = (id: string) =>
  queryOptions({
    queryKey: ['events', id],
    queryFn: () => api<PublicEvent>(`/api/events/${encodeURIComponent(id)}`),
  });

export function useEvents() {
  return useQuery(eventsQuery);
}

export function useEvent(id: string) {
  return useQuery(eventQuery(id));
}

/** Sent with the bot check's solution (it waits for one). */
export function useRegister(id: string, check: BotCheck) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { name: string; email: string }) =>
      api<RegistrationAnswer>(`/api/events/${encodeURIComponent(id)}/register`, {
        body,
        headers: await check.headers(),
      }),
    // The places left have changed.
    onSettled: () => client.invalidateQueries({ queryKey: ['events'] }),
  });
}

const ownKey = (token: string) => ['own-registration', token] as const;

export function useOwnRegistration(token: string) {
  return useQuery({
    queryKey: ownKey(token),
    queryFn: () =>
      api<OwnRegistration>(`/api/events/registrations/manage?token=${encodeURIComponent(token)}`),
  });
}

export function useCancelRegistration(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<RegistrationAnswer>('/api/events/registrations/cancel', { body: { token } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ownKey(token) }),
  });
}
