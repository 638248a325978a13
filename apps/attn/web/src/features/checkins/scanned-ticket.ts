// The ticket of a QR link, asked for before the first render (main.tsx), so that it is on its
// way while the page's code and language still load: on a phone on a slow network that is most
// of a second saved between the scan and "checked in". The page takes it from here once.
import { type Ticket, takeTicket } from './checkins.api.ts';

/** The 6-digit code in a QR link's fragment (spaces and %20 dropped), or null. */
export function codeInFragment(hash: string): string | null {
  const raw = hash.replace(/^#/, '').replace(/(%20|\s)+/g, '');
  return /^\d{6}$/.test(raw) ? raw : null;
}

let early: { sessionId: string; code: string; ticket: Promise<Ticket> } | undefined;

/** At start-up: when the address is a QR link with a code, ask for its ticket now. */
export function askTicketEarly(pathname: string, hash: string): void {
  const sessionId = /^\/c\/([0-9a-fA-F-]{36})\/?$/.exec(pathname)?.[1];
  const code = codeInFragment(hash);
  if (!sessionId || !code) return;
  const ticket = takeTicket(sessionId, code);
  ticket.catch(() => {}); // the page handles the refusal when it takes the promise
  early = { sessionId, code, ticket };
}

/** The ticket asked for at start-up for this session and code (once), else a new request. */
export function ticketFor(sessionId: string, code: string): Promise<Ticket> {
  const asked = early;
  early = undefined;
  if (asked && asked.sessionId === sessionId && asked.code === code) return asked.ticket;
  return takeTicket(sessionId, code);
}
