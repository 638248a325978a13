// Every query of the events aggregate: events and their registrations. No HTTP, no access
// rules: the use cases decide. Each method takes an optional transaction last.
import type { Db, Tx } from '@campus/platform/db';
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lt, max, ne, or, sql } from 'drizzle-orm';
import { events } from '../../db/schema/events.ts';
import { registrations } from '../../db/schema/registrations.ts';
import type { PlaceCounts } from './use-cases/waiting-list.ts';

export type EventRow = typeof events.$inferSelect;
export type EventStatus = EventRow['status'];
export type NewEvent = typeof events.$inferInsert;
export type RegistrationRow = typeof registrations.$inferSelect;
export type NewRegistration = typeof registrations.$inferInsert;

/** Where a page in creation order starts: after this row. */
export interface CreationCursor {
  createdAt: Date;
  id: string;
}

const isPublished = eq(events.status, 'published');
const ofEvent = (eventId: string) => eq(registrations.eventId, eventId);
const isLive = ne(registrations.status, 'cancelled');

export function createEventsRepository(db: Db) {
  return {
    // Events

    async getEvent(id: string, tx: Db | Tx = db): Promise<EventRow | undefined> {
      const [row] = await tx.select().from(events).where(eq(events.id, id));
      return row;
    },
    /** The event's row, locked until the transaction ends: places are counted under this lock. */
    async lockEvent(id: string, tx: Db | Tx = db): Promise<EventRow | undefined> {
      const [row] = await tx.select().from(events).where(eq(events.id, id)).for('update');
      return row;
    },
    async getPublishedEvent(id: string, tx: Db | Tx = db): Promise<EventRow | undefined> {
      const [row] = await tx
        .select()
        .from(events)
        .where(and(eq(events.id, id), isPublished))
        .limit(1);
      return row;
    },
    async listUpcomingPublished(from: Date, limit: number, tx: Db | Tx = db) {
      return tx
        .select()
        .from(events)
        .where(and(isPublished, gte(events.startsAt, from)))
        .orderBy(asc(events.startsAt), asc(events.id))
        .limit(limit);
    },
    /** Any status, newest first. */
    async findEvents(filter: { status?: EventStatus; limit: number }, tx: Db | Tx = db) {
      return tx
        .select()
        .from(events)
        .where(filter.status ? eq(events.status, filter.status) : undefined)
        .orderBy(desc(events.startsAt))
        .limit(filter.limit);
    },
    async insertEvent(values: NewEvent, tx: Db | Tx = db): Promise<EventRow> {
      const [row] = await tx.insert(events).values(values).returning();
      if (!row) throw new Error('event insert returned nothing');
      return row;
    },
    async updateEvent(id: string, set: Partial<NewEvent>, tx: Db | Tx = db): Promise<EventRow | undefined> {
      const [row] = await tx.update(events).set(set).where(eq(events.id, id)).returning();
      return row;
    },
    /** Every event in creation order, a page after `after` (keyset on created_at, id). */
    async findEventsAfter(after: CreationCursor | undefined, limit: number, tx: Db | Tx = db) {
      return tx
        .select()
        .from(events)
        .where(
          after
            ? or(
                gt(events.createdAt, after.createdAt),
                and(eq(events.createdAt, after.createdAt), gt(events.id, after.id)),
              )
            : undefined,
        )
        .orderBy(asc(events.createdAt), asc(events.id))
        .limit(limit);
    },

    // Registrations

    async getRegistration(id: string, tx: Db | Tx = db): Promise<RegistrationRow | undefined> {
      const [row] = await tx.select().from(registrations).where(eq(registrations.id, id));
      return row;
    },
    /** The registration a private link opens: the first mail's, or a promotion mail's. */
    async getRegistrationByTokenHash(hash: string, tx: Db | Tx = db): Promise<RegistrationRow | undefined> {
      const [row] = await tx
        .select()
        .from(registrations)
        .where(or(eq(registrations.manageTokenHash, hash), eq(registrations.promotionTokenHash, hash)));
      return row;
    },
    /** The registration this address holds for the event, unless cancelled. */
    async getLiveRegistration(
      eventId: string,
      email: string,
      tx: Db | Tx = db,
    ): Promise<RegistrationRow | undefined> {
      const [row] = await tx
        .select()
        .from(registrations)
        .where(and(ofEvent(eventId), eq(registrations.email, email), isLive));
      return row;
    },
    async countConfirmed(eventId: string, tx: Db | Tx = db): Promise<number> {
      const [{ confirmed = 0 } = {}] = await tx
        .select({ confirmed: sql<number>`count(*)::int` })
        .from(registrations)
        .where(and(ofEvent(eventId), eq(registrations.status, 'confirmed')));
      return confirmed;
    },
    /**
     * The end of the event's waiting list: the highest position handed out so far (0 for none)
     * and how many people wait, in one query.
     */
    async waitingListEnd(
      eventId: string,
      tx: Db | Tx = db,
    ): Promise<{ lastPosition: number; waiting: number }> {
      const [row] = await tx
        .select({
          lastPosition: sql<number>`coalesce(${max(registrations.position)}, 0)::int`,
          waiting: sql<number>`(count(*) filter (where ${registrations.status} = 'waiting'))::int`,
        })
        .from(registrations)
        .where(and(ofEvent(eventId), isNotNull(registrations.position)));
      return { lastPosition: row?.lastPosition ?? 0, waiting: row?.waiting ?? 0 };
    },
    /** The first `limit` people waiting, in waiting-list order. */
    async listWaiting(eventId: string, limit: number, tx: Db | Tx = db): Promise<RegistrationRow[]> {
      return tx
        .select()
        .from(registrations)
        .where(and(ofEvent(eventId), eq(registrations.status, 'waiting')))
        .orderBy(asc(registrations.position))
        .limit(limit);
    },
    /** Confirmed, then the waiting list in order. */
    async listRegistrations(eventId: string, tx: Db | Tx = db): Promise<RegistrationRow[]> {
      return tx
        .select()
        .from(registrations)
        .where(ofEvent(eventId))
        .orderBy(asc(registrations.status), asc(registrations.position), asc(registrations.createdAt));
    },
    /** Every registration in creation order, a page after `after` (keyset on created_at, id). */
    async findRegistrationsAfter(
      after: CreationCursor | undefined,
      limit: number,
      tx: Db | Tx = db,
    ): Promise<RegistrationRow[]> {
      return tx
        .select()
        .from(registrations)
        .where(
          after
            ? or(
                gt(registrations.createdAt, after.createdAt),
                and(eq(registrations.createdAt, after.createdAt), gt(registrations.id, after.id)),
              )
            : undefined,
        )
        .orderBy(asc(registrations.createdAt), asc(registrations.id))
        .limit(limit);
    },
    async insertRegistration(values: NewRegistration, tx: Db | Tx = db): Promise<RegistrationRow> {
      const [row] = await tx.insert(registrations).values(values).returning();
      if (!row) throw new Error('registration insert returned nothing');
      return row;
    },
    async cancelRegistration(id: string, now: Date, tx: Db | Tx = db): Promise<RegistrationRow | undefined> {
      const [row] = await tx
        .update(registrations)
        .set({ status: 'cancelled', position: null, updatedAt: now })
        .where(eq(registrations.id, id))
        .returning();
      return row;
    },
    /** Ends every live registration of the event; returns the ones ended. */
    async cancelLiveRegistrations(eventId: string, now: Date, tx: Db | Tx = db): Promise<RegistrationRow[]> {
      return tx
        .update(registrations)
        .set({ status: 'cancelled', position: null, updatedAt: now })
        .where(and(ofEvent(eventId), isLive))
        .returning();
    },
    /** A waiting registration takes a place, with a second private link; the first stays. */
    async confirmRegistration(
      id: string,
      promotionTokenHash: string,
      now: Date,
      tx: Db | Tx = db,
    ): Promise<RegistrationRow | undefined> {
      const [row] = await tx
        .update(registrations)
        .set({ status: 'confirmed', position: null, promotionTokenHash, updatedAt: now })
        .where(eq(registrations.id, id))
        .returning();
      return row;
    },
    /** Confirmed and waiting registrations of each event, in one query (events with none are absent). */
    async countPlaces(eventIds: string[], tx: Db | Tx = db): Promise<Map<string, PlaceCounts>> {
      if (eventIds.length === 0) return new Map();
      const rows = await tx
        .select({
          eventId: registrations.eventId,
          confirmed: sql<number>`(count(*) filter (where ${registrations.status} = 'confirmed'))::int`,
          waiting: sql<number>`(count(*) filter (where ${registrations.status} = 'waiting'))::int`,
        })
        .from(registrations)
        .where(and(inArray(registrations.eventId, eventIds), isLive))
        .groupBy(registrations.eventId);
      return new Map(rows.map((r) => [r.eventId, { confirmed: r.confirmed, waiting: r.waiting }]));
    },
    /** How many people wait ahead of the given waiting-list position. */
    async countWaitingAhead(eventId: string, position: number, tx: Db | Tx = db): Promise<number> {
      const [{ ahead = 0 } = {}] = await tx
        .select({ ahead: sql<number>`count(*)::int` })
        .from(registrations)
        .where(
          and(ofEvent(eventId), eq(registrations.status, 'waiting'), lt(registrations.position, position)),
        );
      return ahead;
    },
  };
}

export type EventsRepository = ReturnType<typeof createEventsRepository>;
