import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTicketSigner, TICKET_TTL_MS } from './checkin-tickets.ts';

const signer = createTicketSigner('a root secret of at least thirty-two characters');
const session = '6f1c2a4e-0b7d-4c1e-9a51-3d2f8e7c6b5a';
const device = 'device-0123456789';
const t0 = 1_767_225_600_000;

test('a ticket is good for its session and device for two minutes, and carries its issue time', () => {
  const { ticket, expiresAt } = signer.issue(session, device, t0);
  assert.equal(expiresAt.getTime(), t0 + TICKET_TTL_MS);
  assert.equal(TICKET_TTL_MS, 120_000);
  assert.deepEqual(signer.verify(ticket, session, device, t0), { ok: true, issuedAtMs: t0 });
  assert.deepEqual(signer.verify(ticket, session, device, t0 + 119_999), { ok: true, issuedAtMs: t0 });
  assert.deepEqual(signer.verify(ticket, session, device, t0 + 120_000), {
    ok: false,
    reason: 'ticket_expired',
  });
});

test('another session or device, another key, or any changed character makes it invalid', () => {
  const { ticket } = signer.issue(session, device, t0);
  const invalid = { ok: false, reason: 'ticket_invalid' };
  assert.deepEqual(signer.verify(ticket, 'aaaaaaaa-0b7d-4c1e-9a51-3d2f8e7c6b5a', device, t0), invalid);
  assert.deepEqual(signer.verify(ticket, session, 'device-other-phone', t0), invalid);
  const other = createTicketSigner('another root secret of thirty-two characters or more');
  assert.deepEqual(other.verify(ticket, session, device, t0), invalid);
  // A later issue time (to dodge lateness or expiry) breaks the mac.
  const [v, s, , mac] = ticket.split('.');
  assert.deepEqual(
    signer.verify(`${v}.${s}.${(t0 + 60_000).toString(36)}.${mac}`, session, device, t0),
    invalid,
  );
  for (const odd of ['', 'x', ticket.slice(0, -1), `${ticket}.x`, ticket.replace('t1.', 't2.'), 'a.b.c.d'])
    assert.deepEqual(signer.verify(odd, session, device, t0), invalid, odd);
});
