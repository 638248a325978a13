// CSV exports of A-Cube's records for admins: streamed in keyset batches (created_at, id), no
// row cap, constant memory, formula cells neutralised by the platform's writer.

import type { Readable } from 'node:stream';
import { type CsvColumn, csvStream } from '@campus/platform/csv/csv.ts';
import type { Db } from '@campus/platform/db/database.ts';
import { and, asc, eq, gt, or } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { bookings } from '../../db/schema/bookings.ts';
import { events } from '../../db/schema/events.ts';
import { registrations } from '../../db/schema/registrations.ts';
import { contactMessages, volunteerApplications } from '../../db/schema/submissions.ts';

type Row = Record<string, unknown> & { id: string; createdAt: Date };
interface Exportable extends PgTable {
  id: PgColumn;
  createdAt: PgColumn;
}

const table = <T extends Exportable>(t: T, columns: string[]) => ({ table: t as Exportable, columns });

export const EXPORTS = {
  bookings: table(bookings, [
    'id',
    'reference',
    'status',
    'name',
    'email',
    'phone',
    'sessionType',
    'preferredDate',
    'preferredTime',
    'message',
    'createdAt',
    'updatedAt',
  ]),
  events: table(events, ['id', 'title', 'status', 'location', 'startsAt', 'endsAt', 'capacity', 'createdAt']),
  registrations: table(registrations, [
    'id',
    'eventId',
    'status',
    'position',
    'name',
    'email',
    'createdAt',
    'updatedAt',
  ]),
  volunteers: table(volunteerApplications, [
    'id',
    'reference',
    'status',
    'name',
    'email',
    'phone',
    'availability',
    'message',
    'createdAt',
  ]),
  contact: table(contactMessages, [
    'id',
    'reference',
    'status',
    'name',
    'email',
    'subject',
    'message',
    'createdAt',
  ]),
} as const;

export type ExportEntity = keyof typeof EXPORTS;

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function exportEntity(db: Db, entity: ExportEntity, batchSize = 2000): Readable {
  const { table: t, columns } = EXPORTS[entity];
  async function* rows(): AsyncGenerator<Row[]> {
    let last: Row | undefined;
    for (;;) {
      const after = last
        ? or(gt(t.createdAt, last.createdAt), and(eq(t.createdAt, last.createdAt), gt(t.id, last.id)))
        : undefined;
      const batch = (await db
        .select()
        .from(t)
        .where(after)
        .orderBy(asc(t.createdAt), asc(t.id))
        .limit(batchSize)) as Row[];
      if (batch.length === 0) return;
      yield batch;
      if (batch.length < batchSize) return;
      last = batch[batch.length - 1];
    }
  }
  const csvColumns: CsvColumn<Row>[] = columns.map((c) => ({
    header: snake(c),
    value: (r) => {
      const v = r[c];
      return v instanceof Date || typeof v === 'number' || typeof v === 'string' || v === null
        ? v
        : String(v ?? '');
    },
  }));
  return csvStream(csvColumns, rows());
}
