// How many contact messages nobody has read yet (new): what the dashboard shows.
import type { Db } from '@campus/platform/db';
import { createContactRepository } from './contact.repository.ts';

export function messagesWaiting(db: () => Db, timeZone: string): () => Promise<number> {
  const repo = createContactRepository(db);
  return () => repo.countMatching({ status: 'new' }, timeZone);
}
