// Event registration under concurrency: each registration locks its event's row for the length
// of a short transaction, so places are counted exactly and waiting-list positions never
// repeat or skip, on PostgreSQL as on PGlite. A cancelled confirmed place goes to the first
// one waiting, who is mailed.
import type { AuditEntry, AuditLog } from '@campus/platform/audit/audit-log.ts';
import { hashToken, newToken } from '@campus/platform/auth/tokens.ts';
import type { Clock } from '@campus/platform/clock/clock.ts';
import type { Db, Tx } from '@campus/platform/db/database.ts';
import { conflict, notFound } from '@campus/platform/errors.ts';
import type { Mailer } from '@campus/platform/mail/mailer.ts';
import { and, asc, eq, isNotNull, max, ne, sql } from 'drizzle-orm';
import { events } from '../../db/schema/events.ts';
import { registrations } from '../../db/schema/registrations.ts';
import { registrationPromoted, registrationReceived } from './registrations.mail.ts';

export type RegistrationRow = typeof registrations.$inferSelect;

export function createRegistrationsService(deps: {
  db: () => Db;
  audit: AuditLog;
  mail: Mailer;
  clock: Clock;
  publicUrl: string;
}) {
  const link = (token: string) => `${deps.publicUrl}/registration?token=${encodeURIComponent(token)}`;
  const lockEvent = async (tx: Tx, eventId: string) => {
    const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for('update');
    return event;
  };

  return {
    /** Registers, or returns the live registration this address already has (created: false). */
    async register(
      eventId: string,
      person: { name: string; email: string },
      who: Pick<AuditEntry, 'ip' | 'requestId'>,
    ) {
      const email = person.email.trim().toLowerCase();
      const token = newToken();
      return deps.db().transaction(async (tx) => {
        const event = await lockEvent(tx, eventId);
        if (event?.status !== 'published') throw notFound('Event');
        if (event.startsAt.getTime() < deps.clock.nowMs()) throw conflict('This event has already started');
        const [existing] = await tx
          .select()
          .from(registrations)
          .where(
            and(
              eq(registrations.eventId, eventId),
              eq(registrations.email, email),
              ne(registrations.status, 'cancelled'),
            ),
          );
        if (existing) return { registration: existing, created: false };

        const [{ confirmed = 0 } = {}] = await tx
          .select({ confirmed: sql<number>`count(*)::int` })
          .from(registrations)
          .where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'confirmed')));
        let status: 'confirmed' | 'waiting' = 'confirmed';
        let position: number | null = null;
        if (confirmed >= event.capacity) {
          const [{ last = 0 } = {}] = await tx
            .select({ last: sql<number>`coalesce(${max(registrations.position)}, 0)::int` })
            .from(registrations)
            .where(and(eq(registrations.eventId, eventId), isNotNull(registrations.position)));
          status = 'waiting';
          position = last + 1;
        }
        const now = deps.clock.now();
        const [row] = await tx
          .insert(registrations)
          .values({
            eventId,
            name: person.name.trim(),
            email,
            status,
            position,
            manageTokenHash: hashToken(token),
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        if (!row) throw new Error('registration insert returned nothing');
        await deps.audit.record(tx, {
          ...who,
          actorId: null,
          action: 'registration.created',
          entity: 'registration',
          entityId: row.id,
          changes: { status, position },
        });
        await deps.mail.send(
          registrationReceived,
          email,
          {
            name: row.name,
            eventTitle: event.title,
            startsAt: event.startsAt.toISOString(),
            status,
            position,
            link: link(token),
          },
          { tx },
        );
        return { registration: row, created: true };
      });
    },

    /** Cancels through the private link; a confirmed place goes to the first one waiting. */
    async cancel(token: string, who: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>) {
      const [found] = await deps
        .db()
        .select()
        .from(registrations)
        .where(eq(registrations.manageTokenHash, hashToken(token)));
      if (!found) throw notFound('Registration');
      return deps.db().transaction(async (tx) => {
        const event = await lockEvent(tx, found.eventId);
        const [current] = await tx.select().from(registrations).where(eq(registrations.id, found.id));
        if (!event || !current) throw notFound('Registration');
        if (current.status === 'cancelled') return { registration: current, promoted: null };
        const now = deps.clock.now();
        const [cancelled] = await tx
          .update(registrations)
          .set({ status: 'cancelled', position: null, updatedAt: now })
          .where(eq(registrations.id, current.id))
          .returning();
        await deps.audit.record(tx, {
          ...who,
          action: 'registration.cancelled',
          entity: 'registration',
          entityId: current.id,
          changes: { status: { from: current.status, to: 'cancelled' } },
        });
        let promoted: RegistrationRow | null = null;
        if (current.status === 'confirmed') {
          const [next] = await tx
            .select()
            .from(registrations)
            .where(and(eq(registrations.eventId, event.id), eq(registrations.status, 'waiting')))
            .orderBy(asc(registrations.position))
            .limit(1);
          if (next) {
            const promotionToken = newToken();
            [promoted = null] = await tx
              .update(registrations)
              .set({
                status: 'confirmed',
                position: null,
                manageTokenHash: hashToken(promotionToken),
                updatedAt: now,
              })
              .where(eq(registrations.id, next.id))
              .returning();
            await deps.audit.record(tx, {
              ...who,
              action: 'registration.promoted',
              entity: 'registration',
              entityId: next.id,
              changes: { status: { from: 'waiting', to: 'confirmed' }, position: next.position },
            });
            await deps.mail.send(
              registrationPromoted,
              next.email,
              {
                name: next.name,
                eventTitle: event.title,
                startsAt: event.startsAt.toISOString(),
                link: link(promotionToken),
              },
              { tx },
            );
          }
        }
        return { registration: cancelled ?? current, promoted };
      });
    },
  };
}

export type RegistrationsService = ReturnType<typeof createRegistrationsService>;
