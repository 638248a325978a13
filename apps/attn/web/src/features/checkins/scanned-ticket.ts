// The ticket of a QR link, asked for before the first render (main.tsx), so that it is on its
// way while the page's code and language still load; and, when the person turns out to be a
// logged-in student, the check-in with it, before React has drawn anything. On a phone on a slow
// network that is most of a second saved between the scan and "checked in". The page takes both
// from here, once each.
import { type CheckIn, type CheckInInput, postCheckIn, type Ticket, takeTicket } from './checkins.api.ts';

/** The 6-digit code in a QR link's fragment (spaces and %20 dropped), or null. */
export function codeInFragment(hash: string): string | null {
  const raw = hash.replace(/^#/, '').replace(/(%20|\s)+/g, '');
  return /^\d{6}$/.test(raw) ? raw : null;
}

let early: { sessionId: string; code: string; ticket: Promise<Ticket> } | undefined;

let started: { sessionId: string; ticket?: string; checkIn: Promise<CheckIn | null> } | undefined;

/**
 * At start-up: when the address is a QR link with a code, ask for its ticket now, and check in
 * with it as soon as `user` (who is logged in, asked for at the same time) says a student is.
 */
export function askTicketEarly(
  pathname: string,
  hash: string,
  user: Promise<{ role: string } | null | undefined>,
): void {
  const sessionId = /^\/c\/([0-9a-fA-F-]{36})\/?$/.exec(pathname)?.[1];
  const code = codeInFragment(hash);
  if (!sessionId || !code) return;
  const ticket = takeTicket(sessionId, code);
  ticket.catch(() => {}); // the page handles the refusal when it takes the promise
  early = { sessionId, code, ticket };
  const attempt: NonNullable<typeof started> = {
    sessionId,
    checkIn: Promise.all([ticket, user.catch(() => null)]).then(([answer, me]) => {
      attempt.ticket = answer.ticket;
      return me?.role === 'student' ? postCheckIn({ sessionId, proof: { ticket: answer.ticket } }) : null;
    }),
  };
  attempt.checkIn.catch(() => {}); // the page handles it when it takes the promise
  started = attempt;
}

/** The check-in started at start-up with this very ticket (once), else undefined. */
export function startedCheckIn(input: CheckInInput): Promise<CheckIn> | undefined {
  const attempt = started;
  if (!attempt || !('ticket' in input.proof) || attempt.sessionId !== input.sessionId) return undefined;
  if (attempt.ticket !== input.proof.ticket) return undefined;
  started = undefined;
  return attempt.checkIn.then((checkIn) => checkIn ?? postCheckIn(input));
}

/** The ticket asked for at start-up for this session and code (once), else a new request. */
export function ticketFor(sessionId: string, code: string): Promise<Ticket> {
  const asked = early;
  early = undefined;
  if (asked && asked.sessionId === sessionId && asked.code === code) return asked.ticket;
  return takeTicket(sessionId, code);
}
