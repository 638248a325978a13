// A record type's CSV for an admin, of the list's filter and in its sort: audited, then read in
// keyset batches through the module that owns the records, streamed into the file store (no row
// cap, constant memory, formula cells neutralised by the platform's writer) and handed back as a
// stream from there, so that the download is the stored file, readable on any instance. Free
// text (therapy messages, availability notes) is left out unless a superadmin asks for it, which
// is audited on its own (export.free_text).
import type { Readable } from 'node:stream';
import { csvStream } from '@campus/platform/csv';
import { forbidden } from '@campus/platform/errors';
import type { StoredFile } from '@campus/platform/files';
import type { Actor, ExportsContext } from '../exports.context.ts';
import {
  EXPORT_COLUMNS,
  type ExportEntity,
  type ExportQuery,
  FREE_TEXT_COLUMNS,
} from '../exports.schemas.ts';
import { csvColumns, exportedColumns, keysetBatches } from './export-rules.ts';

export async function exportEntity(
  ctx: Pick<ExportsContext, 'db' | 'audit' | 'files' | 'sources'>,
  input: {
    entity: ExportEntity;
    query?: ExportQuery;
    roles?: readonly string[];
    who: Actor;
    batchSize?: number;
  },
): Promise<{ file: StoredFile; stream: Readable }> {
  const { entity, who } = input;
  const { include_free_text: freeText = false, ...listQuery } = input.query ?? { include_free_text: false };
  if (freeText && !input.roles?.includes('superadmin')) {
    throw forbidden('Only a superadmin may export free text');
  }
  // Checked before anything is recorded: a bad filter or sort is a 400.
  const pages = ctx.sources[entity](listQuery);
  const { q, ...filter } = listQuery;
  const changes = {
    filter: q === undefined ? filter : { ...filter, text_search: true },
    free_text: freeText,
  };
  await ctx.db.transaction(async (tx) => {
    await ctx.audit.record(tx, { ...who, action: 'export.downloaded', entity, changes });
    if (freeText) {
      await ctx.audit.record(tx, {
        ...who,
        action: 'export.free_text',
        entity,
        changes: { columns: [...FREE_TEXT_COLUMNS[entity]] },
      });
    }
  });
  const columns = exportedColumns(EXPORT_COLUMNS[entity], FREE_TEXT_COLUMNS[entity], freeText);
  const csv = csvStream(csvColumns(columns), keysetBatches(pages, input.batchSize ?? 2000));
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
