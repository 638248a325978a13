// Booking use cases: a request from the public (stored, audited and mailed in one transaction;
// a duplicate within ten minutes answers with the first one), the person's own view and
// cancellation through the private link, and staff status changes.
import type { AuditEntry, AuditLog } from '@campus/platform/audit/audit-log.ts';
import { hashToken, newToken } from '@campus/platform/auth/tokens.ts';
import type { Clock } from '@campus/platform/clock/clock.ts';
import type { Db } from '@campus/platform/db/database.ts';
import { AppError, conflict, notFound } from '@campus/platform/errors.ts';
import type { Mailer } from '@campus/platform/mail/mailer.ts';
import type { BookingStatus } from '../../db/schema/bookings.ts';
import { DUPLICATE_WINDOW_MS, dedupeKey, newReference } from '../submissions/index.ts';
import { bookingCancelled, bookingReceived } from './bookings.mail.ts';
import { type BookingRow, createBookingsRepository } from './bookings.repository.ts';

export interface BookingRequest {
  name: string;
  email: string;
  phone: string;
  session_type: 'individual' | 'couple' | 'family' | 'group';
  preferred_date: string;
  preferred_time?: string;
  message: string;
}

export function createBookingsService(deps: {
  db: () => Db;
  audit: AuditLog;
  mail: Mailer;
  clock: Clock;
  publicUrl: string;
}) {
  const repo = createBookingsRepository(deps.db);
  const link = (token: string) => `${deps.publicUrl}/booking?token=${encodeURIComponent(token)}`;

  return {
    repo,

    /** Returns the booking and whether it was new (false: a duplicate of a recent one). */
    async book(
      request: BookingRequest,
      who: Pick<AuditEntry, 'ip' | 'requestId'>,
    ): Promise<{ booking: BookingRow; created: boolean }> {
      const today = deps.clock.now().toISOString().slice(0, 10);
      if (request.preferred_date < today) {
        throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
          details: [{ field: 'body.preferred_date', message: `must be today (${today}) or later` }],
        });
      }
      const r = request;
      const key = dedupeKey(
        r.email,
        r.name,
        r.phone,
        r.session_type,
        r.preferred_date,
        r.preferred_time,
        r.message,
      );
      const duplicate = await repo.recentDuplicate(key, new Date(deps.clock.nowMs() - DUPLICATE_WINDOW_MS));
      if (duplicate) return { booking: duplicate, created: false };

      const token = newToken();
      const booking = await deps.db().transaction(async (tx) => {
        const row = await repo.insert(tx, {
          reference: newReference('B'),
          name: request.name.trim(),
          email: request.email.trim().toLowerCase(),
          phone: request.phone.trim(),
          sessionType: request.session_type,
          preferredDate: request.preferred_date,
          preferredTime: request.preferred_time ?? null,
          message: request.message,
          manageTokenHash: hashToken(token),
          dedupeKey: key,
          createdAt: deps.clock.now(),
          updatedAt: deps.clock.now(),
        });
        await deps.audit.record(tx, {
          ...who,
          actorId: null,
          action: 'booking.created',
          entity: 'booking',
          entityId: row.id,
          changes: { status: 'pending' },
        });
        await deps.mail.send(
          bookingReceived,
          row.email,
          { name: row.name, reference: row.reference, preferredDate: row.preferredDate, link: link(token) },
          { tx },
        );
        return row;
      });
      return { booking, created: true };
    },

    async findOwn(token: string): Promise<BookingRow> {
      const booking = await repo.findByTokenHash(hashToken(token));
      if (!booking) throw notFound('Booking');
      return booking;
    },

    async cancelOwn(token: string, who: Pick<AuditEntry, 'ip' | 'requestId'>): Promise<BookingRow> {
      const booking = await this.findOwn(token);
      if (booking.status === 'cancelled') return booking;
      if (booking.status !== 'pending' && booking.status !== 'confirmed') {
        throw conflict(`A ${booking.status} booking cannot be cancelled`);
      }
      return deps.db().transaction(async (tx) => {
        const row = await repo.setStatus(tx, booking.id, 'cancelled', deps.clock.now());
        if (!row) throw notFound('Booking');
        await deps.audit.record(tx, {
          ...who,
          actorId: null,
          action: 'booking.cancelled_by_requester',
          entity: 'booking',
          entityId: row.id,
          changes: { status: { from: booking.status, to: 'cancelled' } },
        });
        await deps.mail.send(
          bookingCancelled,
          row.email,
          { name: row.name, reference: row.reference },
          { tx },
        );
        return row;
      });
    },

    async setStatus(
      id: string,
      status: BookingStatus,
      who: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>,
    ): Promise<BookingRow> {
      const before = await repo.findById(id);
      if (!before) throw notFound('Booking');
      if (before.status === status) return before;
      return deps.db().transaction(async (tx) => {
        const row = await repo.setStatus(tx, id, status, deps.clock.now());
        if (!row) throw notFound('Booking');
        await deps.audit.record(tx, {
          ...who,
          action: 'booking.status_changed',
          entity: 'booking',
          entityId: id,
          changes: { status: { from: before.status, to: status } },
        });
        return row;
      });
    },
  };
}

export type BookingsService = ReturnType<typeof createBookingsService>;
