// A session as its teacher sees it: the session with its counts, the live list of check-ins
// (a server-sent event stream written into the query cache, so every screen reads one list),
// the rotating code timed by the server's clock, marks by hand, and closing.
import { ApiError, api } from '@campus/web/api/client.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Static } from 'typebox';
import type { MarkBody, UnmarkBody } from '../../../../api/src/modules/attendance/index.ts';
import type {
  LiveCheckin as LiveCheckinSchema,
  LiveEvent,
  LiveSnapshot,
} from '../../../../api/src/modules/live/index.ts';
import type { CodeResponse, SessionDetailResponse } from '../../../../api/src/modules/sessions/index.ts';
import { coursesKey } from '../courses/courses.api.ts';

/** A session as GET /teacher/sessions/:id answers it: with its counts and its course. */
export type Session = SessionDetailResponse;
export type LiveCheckin = Static<typeof LiveCheckinSchema>;
export type CodeAnswer = Static<typeof CodeResponse>;
export type Mark = Static<typeof MarkBody>;
export type Unmark = Static<typeof UnmarkBody>;

export const sessionKey = (id: string) => ['teacher', 'sessions', id] as const;
export const liveKey = (id: string) => ['teacher', 'sessions', id, 'checkins'] as const;
const codeKey = (id: string) => ['teacher', 'sessions', id, 'code'] as const;
const path = (id: string) => `/api/teacher/sessions/${encodeURIComponent(id)}`;

export function useSession(sessionId: string) {
  return useQuery({
    queryKey: sessionKey(sessionId),
    queryFn: ({ signal }) => api<Session>(path(sessionId), { signal }),
  });
}

export type Connection = 'connecting' | 'connected' | 'reconnecting';

/** Newest first. */
export const byNewest = (a: LiveCheckin, b: LiveCheckin) => b.checked_in_at.localeCompare(a.checked_in_at);

/**
 * The session's check-ins. While the session is open they come from its live stream: a
 * snapshot replaces the list (first, and after any gap), the other events change one student.
 * EventSource reconnects by itself; when it gives up (the server answered with an error), a
 * new one is made after a growing wait. A closed session's final list is fetched once.
 */
export function useLiveCheckins(sessionId: string, open: boolean | undefined) {
  const client = useQueryClient();
  const [connection, setConnection] = useState<Connection>('connecting');
  const list = useQuery({
    queryKey: liveKey(sessionId),
    queryFn: async ({ signal }) =>
      (await api<{ items: LiveCheckin[] }>(`${path(sessionId)}/checkins`, { signal })).items,
    enabled: open === false,
    staleTime: Number.POSITIVE_INFINITY,
  });

  useEffect(() => {
    if (!open) return;
    const key = liveKey(sessionId);
    const update = (change: (list: LiveCheckin[]) => LiveCheckin[]) =>
      client.setQueryData<LiveCheckin[]>(key, (old) => change(old ?? []));
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let done = false;

    const connect = () => {
      const stream = new EventSource(`${path(sessionId)}/live`);
      source = stream;
      stream.onopen = () => {
        failures = 0;
        setConnection('connected');
      };
      stream.onerror = () => {
        if (done) return;
        setConnection('reconnecting');
        if (stream.readyState === EventSource.CLOSED) {
          failures += 1;
          retry = setTimeout(connect, Math.min(30_000, 1000 * 2 ** failures));
        }
      };
      stream.addEventListener('snapshot', (e) => {
        const snapshot = JSON.parse((e as MessageEvent<string>).data) as LiveSnapshot;
        client.setQueryData<LiveCheckin[]>(key, snapshot.checkins);
        setConnection('connected');
      });
      const upsert = (e: Event) => {
        const { type: _type, ...checkin } = JSON.parse((e as MessageEvent<string>).data) as LiveEvent &
          LiveCheckin;
        update((list) => {
          const before = list.find((c) => c.student.id === checkin.student.id);
          const merged = { ...before, ...checkin };
          return [merged, ...list.filter((c) => c.student.id !== checkin.student.id)];
        });
      };
      for (const type of ['checkin', 'mark', 'verification']) stream.addEventListener(type, upsert);
      stream.addEventListener('unmark', (e) => {
        const { student } = JSON.parse((e as MessageEvent<string>).data) as { student: { id: string } };
        update((list) => list.filter((c) => c.student.id !== student.id));
      });
      stream.addEventListener('closed', () => {
        done = true;
        stream.close();
        void client.invalidateQueries({ queryKey: sessionKey(sessionId), exact: true });
        void client.invalidateQueries({ queryKey: coursesKey });
      });
    };
    setConnection('connecting');
    connect();
    return () => {
      done = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [open, sessionId, client]);

  return { checkins: list.data, isError: list.isError, connection };
}

/** The code to show, with how far the server's clock is ahead of this one (ms). */
export type ShownCode = CodeAnswer & { offset: number };

/**
 * The rotating code. Each answer says when the next code starts (rotates_at) in the server's
 * time; the next fetch is scheduled then, in this machine's time (server time minus the
 * offset measured at the middle of the request), a little after, never sooner than a second.
 * A failed fetch is tried again after 2 s, keeping the last code (shown as maybe stale); a
 * 409 means the session has closed and ends it.
 */
export function useRotatingCode(sessionId: string, enabled: boolean) {
  const query = useQuery({
    queryKey: codeKey(sessionId),
    queryFn: async ({ signal }): Promise<ShownCode> => {
      const sent = Date.now();
      const answer = await api<CodeAnswer>(`${path(sessionId)}/code`, { signal });
      const received = Date.now();
      return { ...answer, offset: Date.parse(answer.server_time) - (sent + received) / 2 };
    },
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  });
  const { refetch, data, isError, error, errorUpdatedAt } = query;
  const status = error instanceof ApiError ? error.status : undefined;
  const final = status === 409 || status === 401 || status === 403 || status === 404;

  useEffect(() => {
    if (!enabled || final) return;
    let delay: number;
    if (isError) delay = Math.max(0, errorUpdatedAt + 2000 - Date.now());
    else if (data) {
      const jitter = 100 + Math.random() * 200;
      delay = Math.max(1000, Date.parse(data.rotates_at) - data.offset - Date.now() + jitter);
    } else return;
    const timer = setTimeout(() => void refetch(), delay);
    return () => clearTimeout(timer);
  }, [enabled, final, isError, data, errorUpdatedAt, refetch]);

  return { code: data, error, closed: status === 409, failing: isError && !final };
}

/** The local clock, ticking: for countdowns (with a server offset added by the caller). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

function useAfterChange(sessionId: string, open: boolean | undefined) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: sessionKey(sessionId), exact: true });
    // An open session's stream brings the change; a closed one's list is fetched again.
    if (!open) void client.invalidateQueries({ queryKey: liveKey(sessionId) });
  };
}

export function useMark(sessionId: string, open: boolean | undefined) {
  const changed = useAfterChange(sessionId, open);
  return useMutation({
    mutationFn: (body: Mark) => api<unknown>(`${path(sessionId)}/marks`, { method: 'POST', body }),
    onSuccess: changed,
  });
}

export function useUnmark(sessionId: string, open: boolean | undefined) {
  const changed = useAfterChange(sessionId, open);
  return useMutation({
    mutationFn: ({ studentId, ...body }: Unmark & { studentId: string }) =>
      api<unknown>(`${path(sessionId)}/marks/${encodeURIComponent(studentId)}`, { method: 'DELETE', body }),
    onSuccess: changed,
  });
}

export function useCloseSession(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<Session>(`${path(sessionId)}/close`, { method: 'POST' }),
    onSuccess: (session) => {
      client.setQueryData<Session>(sessionKey(sessionId), (old) => ({ ...old, ...session }));
      void client.invalidateQueries({ queryKey: coursesKey });
    },
  });
}
