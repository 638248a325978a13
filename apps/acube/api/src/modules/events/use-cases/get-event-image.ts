// An event's image for the public: only once the event is published, and only while it has one;
// anything else is the same 404, so a draft's image cannot be found by guessing its event id.
import type { Readable } from 'node:stream';
import { notFound } from '@campus/platform/errors';
import type { StoredFile } from '@campus/platform/files';
import type { EventsContext } from '../events.context.ts';

export async function getEventImage(
  ctx: EventsContext,
  input: { id: string },
): Promise<{ file: StoredFile; stream: Readable }> {
  const event = await ctx.repo.getPublishedEvent(input.id);
  if (!event?.imageFileId) throw notFound('Image');
  const found = await ctx.files.read(event.imageFileId);
  if (!found) throw notFound('Image');
  return found;
}
