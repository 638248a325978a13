// Durable counters in the app's own database (PGlite or PostgreSQL), so every instance sees the
// same count without Redis and a count taken inside a transaction is undone by its rollback.
// One upsert a call: on PostgreSQL two instances counting the same key wait for each other's
// row lock, so neither double-counts. Expired rows of a scope are swept as it goes, at most once
// a minute per scope and process (a count past its expiry restarts at 1 all the same), so a busy
// form pays one statement, not two.
import { and, eq, lt, sql } from 'drizzle-orm';
import { keyedCounters } from './counters.schema.ts';
import type { Db, Tx } from './database.ts';

export interface KeyedCounters {
  /**
   * Adds one to `key` in `scope` and returns the new count. A row past its expiry counts from 1
   * again; `expiresAt` is when this count may be forgotten.
   */
  increment(scope: string, key: string, expiresAt: Date, now: Date, tx?: Db | Tx): Promise<number>;
}

const SWEEP_EVERY_MS = 60_000;

export function createKeyedCounters(db: () => Db): KeyedCounters {
  const swept = new Map<string, number>();
  return {
    async increment(scope, key, expiresAt, now, tx) {
      const q = tx ?? db();
      const last = swept.get(scope);
      if (last === undefined || Math.abs(now.getTime() - last) >= SWEEP_EVERY_MS) {
        swept.set(scope, now.getTime());
        await q
          .delete(keyedCounters)
          .where(and(eq(keyedCounters.scope, scope), lt(keyedCounters.expiresAt, now)));
      }
      const [row] = await q
        .insert(keyedCounters)
        .values({ scope, key, count: 1, expiresAt })
        .onConflictDoUpdate({
          target: [keyedCounters.scope, keyedCounters.key],
          set: {
            count: sql`case when ${keyedCounters.expiresAt} <= ${now} then 1 else ${keyedCounters.count} + 1 end`,
            expiresAt: sql`greatest(${keyedCounters.expiresAt}, excluded.expires_at)`,
          },
        })
        .returning({ count: keyedCounters.count });
      if (!row) throw new Error('keyed counter upsert returned no row');
      return row.count;
    },
  };
}
