// What an event's image may be, for the panel to say before anything is sent: the types
// setEventImage takes that the upload store also takes, and the upload store's size limit.
import type { EventsContext } from '../events.context.ts';
import { EVENT_IMAGE_TYPES } from './set-event-image.ts';

export function getImageRules(ctx: Pick<EventsContext, 'uploadRules'>): {
  types: string[];
  maxBytes: number;
} {
  return {
    types: EVENT_IMAGE_TYPES.filter((type) => ctx.uploadRules.types.includes(type)),
    maxBytes: ctx.uploadRules.maxBytes,
  };
}
