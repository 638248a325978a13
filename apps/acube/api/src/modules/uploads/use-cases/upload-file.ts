// An admin uploads an event image or a document: checked from its bytes and stored as it streams
// in (413 past the limit, 415 for a type not allowed, nothing kept either way), then audited.
import type { FileSource, StoredFile } from '@campus/platform/files';
import type { Actor, UploadsContext } from '../uploads.context.ts';

export async function uploadFile(
  ctx: UploadsContext,
  input: { file: FileSource; filename: string; who: Actor },
): Promise<StoredFile> {
  const stored = await ctx.files.store('upload', input.file, input.filename, input.who.actorId ?? null);
  await ctx.audit.record(ctx.db, {
    ...input.who,
    action: 'upload.created',
    entity: 'stored_file',
    entityId: stored.id,
    changes: { mime: stored.mime, size: stored.size },
  });
  return stored;
}
