// A staff member opens a booking, message and all: the message is therapy free text, so each
// reading is recorded (who, when, which booking; never the text) before it is handed over.
import type { AuditEntry } from '@campus/platform/audit';
import type { BookingsContext } from '../bookings.context.ts';
import type { BookingRow } from '../bookings.repository.ts';
import { getBooking } from './get-booking.ts';

export async function readBooking(
  ctx: Pick<BookingsContext, 'repo' | 'audit' | 'db'>,
  input: { id: string; who: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'> },
): Promise<BookingRow> {
  const row = await getBooking(ctx, input);
  await ctx.audit.record(ctx.db, {
    ...input.who,
    action: 'booking.message_read',
    entity: 'booking',
    entityId: row.id,
    changes: null,
  });
  return row;
}
