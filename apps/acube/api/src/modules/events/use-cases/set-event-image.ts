// Staff give an event its image: an upload already stored (POST /api/admin/uploads) whose bytes
// are an image, or null to take it away. Audited with the file id only.
import { AppError, notFound } from '@campus/platform/errors';
import type { Actor, EventsContext } from '../events.context.ts';
import type { EventRow } from '../events.repository.ts';

export const EVENT_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

export async function setEventImage(
  ctx: EventsContext,
  input: { id: string; fileId: string | null; who: Actor },
): Promise<EventRow> {
  const before = await ctx.repo.getEvent(input.id);
  if (!before) throw notFound('Event');
  if (input.fileId !== null) {
    const file = await ctx.files.find(input.fileId);
    if (file?.kind !== 'upload') throw notFound('Upload');
    if (!(EVENT_IMAGE_TYPES as readonly string[]).includes(file.mime)) {
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        `An event image must be one of: ${EVENT_IMAGE_TYPES.join(', ')}`,
        {
          details: [{ field: 'body.file_id', message: `the upload is ${file.mime}` }],
        },
      );
    }
  }
  return ctx.db.transaction(async (tx) => {
    const after = await ctx.repo.updateEvent(
      before.id,
      { imageFileId: input.fileId, updatedAt: ctx.clock.now() },
      tx,
    );
    await ctx.audit.record(tx, {
      ...input.who,
      action: 'event.image_set',
      entity: 'event',
      entityId: before.id,
      changes: { image_file_id: { from: before.imageFileId, to: input.fileId } },
    });
    return after ?? before;
  });
}
