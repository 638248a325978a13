// Queries on events. No HTTP, no access rules: use cases decide who may see what.
import type { Db, Tx } from '@campus/platform/db/create-database.ts';
import { and, asc, eq, gte } from 'drizzle-orm';
import { events } from '../../db/schema/index.ts';

const isPublished = eq(events.status, 'published');

export function createEventsRepository(db: Db) {
  return {
    async findPublishedById(id: string, tx: Db | Tx = db) {
      const rows = await tx
        .select()
        .from(events)
        .where(and(eq(events.id, id), isPublished))
        .limit(1);
      return rows[0];
    },
    async listUpcomingPublished(from: Date, limit: number, tx: Db | Tx = db) {
      return tx
        .select()
        .from(events)
        .where(and(isPublished, gte(events.startsAt, from)))
        .orderBy(asc(events.startsAt), asc(events.id))
        .limit(limit);
    },
  };
}

export type EventsRepository = ReturnType<typeof createEventsRepository>;
export type EventRow = typeof events.$inferSelect;
