// A ticket for the code a student scanned, asked for before they log in (a code lives 10-20 s,
// a login through the SIS can take longer). Refused exactly as a check-in with that code would
// be at this moment (unknown session, closed, code wrong or expired, network not allowed);
// else a signed ticket (../checkin-tickets.ts) that the check-in takes in place of the code
// for two minutes, bound to the session and the device and carrying this moment.
import type { Clock } from '@campus/platform/clock';
import type { IssuedTicket, TicketSigner } from '../checkin-tickets.ts';
import type { SessionCache } from '../session-cache.ts';
import { assertCode, assertNetwork, getOpenSession } from './checkin-gate.ts';

export interface IssueTicketInput {
  sessionId: string;
  code: string;
  deviceId: string;
  ip: string;
}

export async function issueTicket(
  deps: { sessions: SessionCache; tickets: TicketSigner; clock: Clock },
  input: IssueTicketInput,
): Promise<IssuedTicket> {
  const now = deps.clock.nowMs();
  const session = await getOpenSession(deps.sessions, input.sessionId, now);
  assertCode(session, now, input.code);
  assertNetwork(session, input.ip);
  return deps.tickets.issue(session.id, input.deviceId, now);
}
