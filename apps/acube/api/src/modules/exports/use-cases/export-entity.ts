// Every record of a type as CSV, for an admin: audited, then read in keyset batches through the
// module that owns the records, streamed into the file store (no row cap, constant memory,
// formula cells neutralised by the platform's writer) and handed back as a stream from there,
// so that the download is the stored file, readable on any instance.
import type { Readable } from 'node:stream';
import { csvStream } from '@campus/platform/csv';
import type { StoredFile } from '@campus/platform/files';
import type { Actor, ExportsContext } from '../exports.context.ts';
import { EXPORT_COLUMNS, type ExportEntity } from '../exports.schemas.ts';
import { csvColumns, keysetBatches } from './export-rules.ts';

export async function exportEntity(
  ctx: Pick<ExportsContext, 'db' | 'audit' | 'files' | 'sources'>,
  input: { entity: ExportEntity; who: Actor; batchSize?: number },
): Promise<{ file: StoredFile; stream: Readable }> {
  const { entity, who } = input;
  await ctx.audit.record(ctx.db, { ...who, action: 'export.downloaded', entity, changes: null });
  const csv = csvStream(
    csvColumns(EXPORT_COLUMNS[entity]),
    keysetBatches(ctx.sources[entity], input.batchSize ?? 2000),
  );
  const file = await ctx.files.storeGenerated(
    'export',
    csv,
    `${entity}.csv`,
    'text/csv',
    who.actorId ?? null,
  );
  const stored = await ctx.files.read(file.id);
  if (!stored) throw new Error(`export ${file.id} was stored but cannot be read`);
  return stored;
}
