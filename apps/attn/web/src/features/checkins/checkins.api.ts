// Checking in: a ticket for a scanned code (taken before the student has logged in), the
// check-in itself, and the student's courses with the session open in each right now.
import { ApiError, api } from '@campus/web/api/client.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CheckInResponse, TicketResponse } from '../../../../api/src/modules/attendance/index.ts';
import type { StudentCourse, StudentOpenSession } from '../../../../api/src/modules/my-courses/index.ts';
import { deviceId } from './device-id.ts';

export type CheckIn = CheckInResponse;
export type { StudentCourse };

export type Ticket = TicketResponse;
export type OpenSession = StudentOpenSession;

/** What proves the student saw the code: a ticket taken from the QR's code, or a typed code. */
export type Proof = { ticket: string } | { code: string };

export const studentCoursesKey = ['student', 'courses'] as const;

/** A ticket for the code in the QR link: public, bound to the session and this device. */
export function takeTicket(sessionId: string, code: string): Promise<Ticket> {
  return api<Ticket>('/api/checkin-tickets', {
    method: 'POST',
    body: { session_id: sessionId, code, device_id: deviceId() },
  });
}

export interface CheckInInput {
  sessionId: string;
  proof: Proof;
}

export function postCheckIn(input: CheckInInput): Promise<CheckIn> {
  return api<CheckIn>('/api/student/checkins', {
    method: 'POST',
    body: { session_id: input.sessionId, ...input.proof, device_id: deviceId() },
  });
}

/** `started`: a check-in already on its way for this input (see scanned-ticket.ts), if any. */
export function useCheckIn(started?: (input: CheckInInput) => Promise<CheckIn> | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CheckInInput) => started?.(input) ?? postCheckIn(input),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['student'] });
    },
  });
}

export function useStudentCourses() {
  return useQuery({
    queryKey: studentCoursesKey,
    queryFn: () => api<{ items: StudentCourse[] }>('/api/student/courses'),
    // A teacher opens a session during class: look again now and then, and on return to the tab.
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

/** Refusals that mean "type the code on the screen now" rather than "you cannot check in". */
const CODE_REASONS = new Set(['code_invalid', 'code_expired', 'ticket_expired', 'ticket_invalid']);

export type Refusal =
  | { kind: 'code'; reason: string }
  | { kind: 'already' }
  | { kind: 'final'; reason: string }
  | { kind: 'retry'; reason: 'offline' | 'throttled' | 'unexpected'; seconds?: number };

export function refusalOf(err: unknown): Refusal {
  if (!(err instanceof ApiError)) return { kind: 'retry', reason: 'unexpected' };
  if (err.status === 0) return { kind: 'retry', reason: 'offline' };
  if (err.status === 429) return { kind: 'retry', reason: 'throttled', seconds: err.retryAfter ?? 30 };
  const reason = err.reason;
  if (reason === 'already_checked_in') return { kind: 'already' };
  if (reason && CODE_REASONS.has(reason)) return { kind: 'code', reason };
  if (reason) return { kind: 'final', reason };
  // A code the API would not even read (not digits, too long).
  if (err.status === 400 && err.details.some((d) => d.field === 'body.code'))
    return { kind: 'code', reason: 'code_invalid' };
  return { kind: 'retry', reason: 'unexpected' };
}
