// The export rules without a database: reading a table in keyset batches to its end, the CSV
// columns of a record type, the audit export's filters, and counting the lines that stream past.
import type { AuditFilter } from '@campus/platform/audit';
import type { CsvColumn, CsvValue } from '@campus/platform/csv';
import type { ExportPages, ExportRow } from '../exports.context.ts';
import type { AuditExportBody } from '../exports.schemas.ts';

/** Every row of a source, a batch at a time, each batch after the last row of the one before. */
export async function* keysetBatches(pages: ExportPages, batchSize: number): AsyncGenerator<ExportRow[]> {
  let after: ReturnType<ExportPages['cursor']> | undefined;
  for (;;) {
    const batch = await pages.page(after, batchSize);
    if (batch.length === 0) return;
    yield batch;
    const last = batch[batch.length - 1];
    if (batch.length < batchSize || !last) return;
    after = pages.cursor(last);
  }
}

/** The columns exported: free text (messages, availability notes) only when asked for. */
export function exportedColumns(
  all: readonly string[],
  freeText: readonly string[],
  includeFreeText: boolean,
): string[] {
  return includeFreeText ? [...all] : all.filter((c) => !freeText.includes(c));
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A column a field: headed in snake_case; dates, numbers, text and nulls as they are, the rest as text. */
export function csvColumns(fields: readonly string[]): CsvColumn<ExportRow>[] {
  return fields.map((field) => ({
    header: snake(field),
    value: (row): CsvValue => {
      const v = row[field];
      return v instanceof Date || typeof v === 'number' || typeof v === 'string' || v === null
        ? v
        : String(v ?? '');
    },
  }));
}

/** The seed's filter names as the audit log's. */
export function auditFilterOf(body: AuditExportBody): AuditFilter {
  return {
    ...(body.admin_id ? { actorId: body.admin_id } : {}),
    ...(body.action ? { action: body.action } : {}),
    ...(body.entity ? { entity: body.entity } : {}),
    ...(body.date_from ? { from: new Date(body.date_from) } : {}),
    ...(body.date_to ? { to: new Date(body.date_to) } : {}),
  };
}

/** Passes the bytes on as buffers, counting their line feeds into `count.lines` on the way. */
export async function* countingLines(
  source: AsyncIterable<Buffer | string>,
  count: { lines: number },
): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    for (let i = buffer.indexOf(10); i !== -1; i = buffer.indexOf(10, i + 1)) count.lines++;
    yield buffer;
  }
}

/** An export goes to the admin who asked for it, and to superadmins; to nobody else. */
export function mayDownload(
  file: { createdBy: string | null },
  admin: { id: string; roles: readonly string[] },
): boolean {
  return admin.roles.includes('superadmin') || (file.createdBy !== null && file.createdBy === admin.id);
}

/** A job's state in the words of the exports page (a retry is still queued). */
export function exportJobState(
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed',
): 'queued' | 'running' | 'completed' | 'failed' | 'cancelled' {
  if (state === 'created' || state === 'retry') return 'queued';
  return state === 'active' ? 'running' : state;
}
