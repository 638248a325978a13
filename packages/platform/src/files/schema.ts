// Stored files: metadata for every file (apps re-export it), and the content table that the
// PostgreSQL storage uses when the app runs scaled out.
import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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

export const fileContents = pgTable('file_contents', {
  fileId: uuid().primaryKey(),
  content: bytea().notNull(),
});
