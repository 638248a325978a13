// Check-in tickets. A code lives 10-20 s; a student who scans the QR code before logging in
// may need longer than that to get through the SIS's login. So the scan is exchanged at once
// for a ticket: proof that this device held this session's current code at this moment, good
// for two minutes, which the check-in then takes in place of the code.
//
// A ticket is stateless and signed: `t1.<session id>.<issued at, ms, base 36>.<mac>`, the mac
// an HMAC-SHA256 of the rest and the device id under a key derived from APP_SECRET, so any
// instance checks it and nothing is stored. The device id is bound by the mac, not carried: a
// ticket sent to a friend's phone fails as a forged one would.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey } from '@campus/platform/config';

export const TICKET_TTL_MS = 2 * 60_000;
const VERSION = 't1';

export interface IssuedTicket {
  ticket: string;
  expiresAt: Date;
}

export type TicketCheck =
  | { ok: true; issuedAtMs: number }
  | { ok: false; reason: 'ticket_invalid' | 'ticket_expired' };

export function createTicketSigner(appSecret: string) {
  const key = deriveKey(appSecret, 'attn-checkin-ticket');
  const mac = (body: string, deviceId: string) =>
    createHmac('sha256', key).update(`${body}\n${deviceId}`).digest('base64url');

  return {
    issue(sessionId: string, deviceId: string, issuedAtMs: number): IssuedTicket {
      const body = `${VERSION}.${sessionId}.${issuedAtMs.toString(36)}`;
      return {
        ticket: `${body}.${mac(body, deviceId)}`,
        expiresAt: new Date(issuedAtMs + TICKET_TTL_MS),
      };
    },

    /** Whether `ticket` was issued for this session and device, and is still good at `nowMs`. */
    verify(ticket: string, sessionId: string, deviceId: string, nowMs: number): TicketCheck {
      const invalid = { ok: false, reason: 'ticket_invalid' } as const;
      const parts = ticket.split('.');
      if (parts.length !== 4) return invalid;
      const [version, ticketSession, issued, signature] = parts as [string, string, string, string];
      // Compared as text: base64url's spare bits give several spellings of one mac.
      const expected = Buffer.from(mac(`${version}.${ticketSession}.${issued}`, deviceId));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid;
      // Signed by us, so well formed; still, only this version and this session.
      if (version !== VERSION || ticketSession !== sessionId || !/^[0-9a-z]{1,11}$/.test(issued))
        return invalid;
      const issuedAtMs = Number.parseInt(issued, 36);
      if (nowMs >= issuedAtMs + TICKET_TTL_MS) return { ok: false, reason: 'ticket_expired' };
      return { ok: true, issuedAtMs };
    },
  };
}

export type TicketSigner = ReturnType<typeof createTicketSigner>;
