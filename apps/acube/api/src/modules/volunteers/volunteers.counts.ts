// How many volunteer applications nobody has looked at yet (new): what the dashboard shows.
import type { Db } from '@campus/platform/db';
import { createVolunteersRepository } from './volunteers.repository.ts';

export function applicationsWaiting(db: () => Db, timeZone: string): () => Promise<number> {
  const repo = createVolunteersRepository(db);
  return () => repo.countMatching({ status: 'new' }, timeZone);
}
