// Stored files: metadata for every file, and the chunks table that the PostgreSQL storage uses
// when the app runs scaled out: a file is rows (file_id, seq 0, 1, ...) of about 256 KiB each,
// written and read one at a time. Created by the platform's own migrations (db/migrations); an
// app's table refers to a file with a foreign key to storedFiles imported from here.
import { customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid().primaryKey(),
    kind: text().notNull(),
    mime: text().notNull(),
    size: integer().notNull(),
    /** The name the client sent, cleaned, for display and downloads only: never a path. */
    originalName: text().notNull(),
    createdBy: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('stored_files_kind_idx').on(t.kind, t.createdAt)],
);

export const fileChunks = pgTable(
  'file_chunks',
  {
    fileId: uuid().notNull(),
    seq: integer().notNull(),
    data: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);
