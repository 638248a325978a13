// An uploaded file for an admin: its metadata and a stream of its bytes. Other kinds of stored
// file (exports) are not uploads.
import type { Readable } from 'node:stream';
import { notFound } from '@campus/platform/errors';
import type { StoredFile } from '@campus/platform/files';
import type { UploadsContext } from '../uploads.context.ts';

export async function getUpload(
  ctx: Pick<UploadsContext, 'files'>,
  input: { id: string },
): Promise<{ file: StoredFile; stream: Readable }> {
  const found = await ctx.files.read(input.id);
  if (found?.file.kind !== 'upload') throw notFound('Upload');
  return found;
}
