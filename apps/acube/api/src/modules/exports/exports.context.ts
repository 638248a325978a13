// What the export use cases share, built once by exports.module.ts. The records exported are
// read through their own modules (`sources`), a page at a time, never through their tables.
import type { AuditEntry, AuditLog } from '@campus/platform/audit';
import type { Db } from '@campus/platform/db';
import type { Files } from '@campus/platform/files';
import type { JobSystem } from '@campus/platform/jobs';
import type { Mailer } from '@campus/platform/mail';
import type { ExportEntity } from './exports.schemas.ts';

/** A row as exports see it: its columns by name, and the keyset it is paged on. */
export type ExportRow = { id: string; createdAt: Date } & Record<string, unknown>;

/** A row's place in the export's order: its sort column's value and its id. */
export type ExportCursor = { value: unknown; id: string };

/** A filtered, sorted export read in batches: the rows after `after`, and where a row stands. */
export interface ExportPages {
  page(after: ExportCursor | undefined, limit: number): Promise<ExportRow[]>;
  cursor(row: ExportRow): ExportCursor;
}

/**
 * A kind of record as exports read it: given the list query (filter and sort), checked against
 * that list's own (a 400 otherwise), its rows in that order.
 */
export type ExportSource = (query: Record<string, unknown>) => ExportPages;

export interface ExportsContext {
  db: Db;
  audit: AuditLog;
  files: Pick<Files, 'storeGenerated' | 'read'>;
  mail: Pick<Mailer, 'send'>;
  jobs: Pick<JobSystem, 'send' | 'job'>;
  sources: Record<ExportEntity, ExportSource>;
  /** Where the export mail is sent: the admin's name and address, if the admin still exists. */
  adminContact(id: string): Promise<{ name: string; email: string } | undefined>;
  publicUrl: string;
}

/** Who acts, as the audit log records it. */
export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
