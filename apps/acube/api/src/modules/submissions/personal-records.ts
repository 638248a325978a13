// A kind of record as a person's data request and the retention schedule see it: how many rows an
// address holds, those rows as the person's export shows them (free text included; private-link
// hashes and duplicate keys left out), their erasure in the caller's transaction, and the erasure
// of closed rows past the retention period. Bookings, volunteer applications and contact messages
// share it; registrations have their own (a freed place promotes the waiting list).
import type { AuditEntry } from '@campus/platform/audit';
import type { Db, Tx } from '@campus/platform/db';
import { createPersonalRecordsRepository, type PersonalTable } from './personal-records.repository.ts';

type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;

export interface PersonalRecords {
  count(email: string): Promise<number>;
  /** The rows as the person's export shows them, oldest first. */
  find(email: string): Promise<Record<string, unknown>[]>;
  /** Deletes every row the address holds, in `tx`: how many. */
  erase(input: { email: string; tx: Tx; who: Actor; now: Date }): Promise<number>;
  /** Deletes the closed rows last changed before `before`, in `tx`: how many. */
  eraseClosed(input: { before: Date; tx: Tx }): Promise<number>;
}

/** Columns that are ours, not the person's: token hashes and the duplicate key. */
const INTERNAL = new Set(['manageTokenHash', 'promotionTokenHash', 'dedupeKey']);

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A row as the export shows it: snake_case names, without the internal columns. */
export function personalView(row: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row)
      .filter(([key]) => !INTERNAL.has(key))
      .map(([key, value]) => [snake(key), value]),
  );
}

export function personalRecords(
  db: () => Db,
  table: PersonalTable,
  /** The statuses that end a record's use: past them, the retention period runs. */
  closed: readonly string[],
): PersonalRecords {
  const repo = createPersonalRecordsRepository(db, table);
  return {
    count: (email) => repo.countFor(email),
    find: async (email) => (await repo.listFor(email)).map(personalView),
    erase: async ({ email, tx }) => (await repo.deleteFor(email, tx)).length,
    eraseClosed: ({ before, tx }) => repo.deleteClosedBefore(closed, before, tx),
  };
}
