// Writes of the SIS sync, a batch of at most BATCH rows a transaction: short transactions keep
// PGlite (which serialises them) and PostgreSQL's locks free for logins and check-ins meanwhile.
import type { Db, Tx } from '@campus/platform/db';
import type { Counts, Plan } from './sis-sync.plan.ts';
import type { Pair } from './sis-sync.repository.ts';

const BATCH = 500;

async function inBatches<T>(db: Db, items: T[], write: (tx: Tx, batch: T[]) => Promise<void>) {
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH);
    await db.transaction((tx) => write(tx, batch));
  }
}

/** Inserts and updates of one kind, a batch a transaction, counting the rows each touched. */
export async function writePlan<I>(
  db: Db,
  plan: Plan<I>,
  insert: (tx: Tx, rows: I[]) => Promise<unknown[]>,
  update: (tx: Tx, id: string, set: Partial<I>) => Promise<unknown>,
  counts: Counts,
) {
  await inBatches(db, plan.inserts, async (tx, rows) => {
    counts.created += (await insert(tx, rows)).length;
  });
  await inBatches(db, plan.updates, async (tx, updates) => {
    for (const u of updates) {
      const touched = await update(tx, u.id, u.set);
      counts.updated += Array.isArray(touched) ? touched.length : 1;
    }
  });
}

export async function writePairs(
  db: Db,
  plan: { add: Pair[]; remove: Pair[] },
  insert: (tx: Tx, pairs: Pair[]) => Promise<unknown[]>,
  remove: (tx: Tx, pairs: Pair[]) => Promise<unknown[]>,
  counts: Counts,
) {
  await inBatches(db, plan.add, async (tx, pairs) => {
    counts.created += (await insert(tx, pairs)).length;
  });
  await inBatches(db, plan.remove, async (tx, pairs) => {
    counts.removed += (await remove(tx, pairs)).length;
  });
}
