// Who is logged in (the session cookie is httpOnly: the page learns it only by asking), logging
// in and out. The answer of /me is the one source of the user for every screen.
import { ApiError, api } from '@campus/web/api/client.ts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { Me as MeSchema } from '../../../../api/src/modules/auth/index.ts';

export type Me = Static<typeof MeSchema>;
export type Role = Me['role'];

export const meKey = ['me'] as const;

/** The user, or null when nobody is logged in (a 401 is an answer here, not an error). */
export const meQuery = queryOptions({
  queryKey: meKey,
  queryFn: async () => {
    try {
      return await api<Me>('/api/auth/me');
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  },
  staleTime: 5 * 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { school_number: string; password: string }) =>
      api<Me>('/api/auth/login', { method: 'POST', body }),
    onSuccess: (me) => {
      // Nothing of an earlier user survives; the user's own query is updated in place (not
      // dropped and made anew), so a screen watching it sees the login without navigating
      // (the check-in page logs the student in where they stand).
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
      client.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      client.clear();
      client.setQueryData(meKey, null);
    },
  });
}

/** Where each role starts. */
export function homeFor(role: Role | undefined): string {
  if (role === 'teacher') return '/teacher';
  if (role === 'student') return '/student';
  if (role === 'admin') return '/admin';
  return '/login';
}
