// A finished export (an audit export, a bulk report, a record type's CSV) for download: its
// metadata and a stream of its bytes. Any other kind of stored file is not an export. An export
// holds personal data: only the admin who made it, or a superadmin, may have it.
import type { Readable } from 'node:stream';
import { forbidden, notFound } from '@campus/platform/errors';
import type { StoredFile } from '@campus/platform/files';
import type { ExportsContext } from '../exports.context.ts';
import { mayDownload } from './export-rules.ts';

export async function getExportFile(
  ctx: Pick<ExportsContext, 'files'>,
  input: { id: string; admin: { id: string; roles: readonly string[] } },
): Promise<{ file: StoredFile; stream: Readable }> {
  const found = await ctx.files.read(input.id);
  if (found?.file.kind !== 'export') {
    found?.stream.destroy();
    throw notFound('Export');
  }
  if (!mayDownload(found.file, input.admin)) {
    found.stream.destroy();
    throw forbidden('This export belongs to another admin');
  }
  return found;
}
