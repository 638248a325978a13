// The registrations queries of a person's data request and of the retention schedule: the rows an
// address holds (with their event's title and time, what the export shows), their deletion, and
// the deletion of closed ones: cancelled before the cut-off, or of an event over before it.
import type { Db, Tx } from '@campus/platform/db';
import { and, asc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { events } from '../../db/schema/events.ts';
import { registrations } from '../../db/schema/registrations.ts';
import { sameAddress } from '../submissions/index.ts';
import type { RegistrationRow } from './events.repository.ts';

/** When an event is over: its end, or its start when it has none. */
const eventOver = sql`coalesce(${events.endsAt}, ${events.startsAt})`;

export function createRegistrationsPrivacyRepository(db: () => Db) {
  return {
    async countFor(email: string, tx: Db | Tx = db()): Promise<number> {
      return tx.$count(registrations, sameAddress(registrations.email, email));
    },
    /** The address's registrations, oldest first, each with its event's title and times. */
    async listFor(email: string, tx: Db | Tx = db()) {
      return tx
        .select({
          registration: registrations,
          event: { title: events.title, startsAt: events.startsAt, endsAt: events.endsAt },
        })
        .from(registrations)
        .innerJoin(events, eq(events.id, registrations.eventId))
        .where(sameAddress(registrations.email, email))
        .orderBy(asc(registrations.createdAt), asc(registrations.id));
    },
    /** The events of the address's registrations, locked, in id order (one lock order for all). */
    async lockEventsOf(email: string, tx: Tx) {
      const ids = tx
        .select({ id: registrations.eventId })
        .from(registrations)
        .where(sameAddress(registrations.email, email));
      return tx.select().from(events).where(inArray(events.id, ids)).orderBy(asc(events.id)).for('update');
    },
    /** Deletes every registration of the address: the rows deleted. */
    async deleteFor(email: string, tx: Tx): Promise<RegistrationRow[]> {
      return tx.delete(registrations).where(sameAddress(registrations.email, email)).returning();
    },
    /** Deletes registrations cancelled before `before`, and those of events over before it: how many. */
    async deleteClosedBefore(before: Date, tx: Tx): Promise<number> {
      const over = tx.select({ id: events.id }).from(events).where(lt(eventOver, before));
      const deleted = await tx
        .delete(registrations)
        .where(
          or(
            and(eq(registrations.status, 'cancelled'), lt(registrations.updatedAt, before)),
            inArray(registrations.eventId, over),
          ),
        )
        .returning({ id: registrations.id });
      return deleted.length;
    },
  };
}
