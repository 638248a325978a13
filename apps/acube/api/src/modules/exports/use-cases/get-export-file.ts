// A finished export (an audit export, a bulk report, a record type's CSV) for download: its
// metadata and a stream of its bytes. Any other kind of stored file is not an export.

import type { Readable } from 'node:stream';
import { notFound } from '@campus/platform/errors';
import type { StoredFile } from '@campus/platform/files';
import type { ExportsContext } from '../exports.context.ts';

export async function getExportFile(
  ctx: Pick<ExportsContext, 'files'>,
  input: { id: string },
): Promise<{ file: StoredFile; stream: Readable }> {
  const found = await ctx.files.read(input.id);
  if (found?.file.kind !== 'export') throw notFound('Export');
  return found;
}
