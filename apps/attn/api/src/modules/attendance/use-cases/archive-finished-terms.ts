// Archiving: check-ins of terms that ended more than `afterDays` days ago move from the hot
// checkins table to checkins_archive, in batches of short transactions (a long one would stall
// every check-in on PGlite), and the term is stamped archived_at. Safe to run again at any
// point: a run that stopped half-way carries on; an archived term is skipped. Reports read
// both tables, so nothing changes for the people reading them.
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import { createArchiveRepository } from '../archive.repository.ts';

export const ARCHIVE_AFTER_DAYS = 30;

export async function archiveFinishedTerms(opts: {
  db: () => Db;
  clock: Clock;
  logger: { info(obj: object, msg: string): void };
  afterDays?: number;
  batchSize?: number;
  signal?: AbortSignal;
}): Promise<{ terms: number; moved: number }> {
  const repo = createArchiveRepository(opts.db);
  const afterDays = opts.afterDays ?? ARCHIVE_AFTER_DAYS;
  const batchSize = opts.batchSize ?? 1000;
  const cutoff = new Date(opts.clock.nowMs() - afterDays * 86_400_000).toISOString().slice(0, 10);
  let archived = 0;
  let moved = 0;
  for (const term of await repo.listDue(cutoff)) {
    let termMoved = 0;
    for (;;) {
      opts.signal?.throwIfAborted();
      const n = await repo.moveBatch(term.id, batchSize, opts.clock.now());
      termMoved += n;
      if (n < batchSize) break;
    }
    moved += termMoved;
    if (await repo.finish(term.id, opts.clock.now())) archived++;
    opts.logger.info(
      { event: 'term.archived', termId: term.id, moved: termMoved },
      'term attendance archived',
    );
  }
  return { terms: archived, moved };
}
