// Who is logged in (the session cookie is httpOnly: the page learns it only by asking), logging
// in and out. The answer of /me is the one source of the user for every screen.
import { ApiError, api } from '@campus/web/api/client.ts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { EnrolledLogin, LoginAnswer, Me as MeSchema } from '../../../../api/src/modules/auth/index.ts';

export type Me = Static<typeof MeSchema>;

/** What the password step asks next of a teacher or admin with two-factor on or required. */
export interface SecondStep {
  step: 'code' | 'enrol';
  pendingToken: string;
}

export interface TwoFactorEnrolment {
  secret: string;
  otpauth_url: string;
  qr_svg: string;
}
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

/** Sets the user who just logged in as the one user of every screen. */
export function useSignedIn() {
  const client = useQueryClient();
  return (me: Me) => {
    // Nothing of an earlier user survives; the user's own query is updated in place (not
    // dropped and made anew), so a screen watching it sees the login without navigating
    // (the check-in page logs the student in where they stand).
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
    client.setQueryData(meKey, me);
  };
}

/** The password step: the user, or (two-factor) the second step to take. */
export function useLogin() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: async (body: { school_number: string; password: string }): Promise<Me | SecondStep> => {
      const answer = await api<LoginAnswer>('/api/auth/login', { method: 'POST', body });
      if ('second_factor' in answer)
        return { step: answer.second_factor, pendingToken: answer.pending_token };
      return answer;
    },
    onSuccess: (answer) => {
      if (!('step' in answer)) signedIn(answer);
    },
  });
}

/** The second step: a code from the app, or a recovery code. */
export function logInWithCode(pendingToken: string, code: string): Promise<Me> {
  return api<Me>('/api/auth/login/code', { method: 'POST', body: { pending_token: pendingToken, code } });
}

export function beginLoginEnrolment(pendingToken: string): Promise<TwoFactorEnrolment> {
  return api<TwoFactorEnrolment>('/api/auth/login/enrol', {
    method: 'POST',
    body: { pending_token: pendingToken },
  });
}

export function confirmLoginEnrolment(pendingToken: string, code: string): Promise<EnrolledLogin> {
  return api<EnrolledLogin>('/api/auth/login/enrol/confirm', {
    method: 'POST',
    body: { pending_token: pendingToken, code },
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
