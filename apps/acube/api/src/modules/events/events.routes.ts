// Public event routes: only published events are ever visible here.

import { notFound } from '@campus/platform/errors.ts';
import { errorResponses } from '@campus/platform/http/schemas.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createEventsRepository, type EventRow } from './events.repository.ts';
import {
  EventParams,
  ListEventsQuery,
  type PublicEvent,
  PublicEventList,
  PublicEventResponse,
} from './events.schemas.ts';

function toPublicEvent(row: EventRow): PublicEvent {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    location: row.location,
    starts_at: row.startsAt.toISOString(),
    ends_at: row.endsAt ? row.endsAt.toISOString() : null,
    capacity: row.capacity,
  };
}

export const eventsRoutes: FastifyPluginAsyncTypebox<{ now: () => Date }> = async (app, opts) => {
  const events = createEventsRepository(app.db);
  app.addSchema(PublicEventResponse);

  app.get(
    '/',
    {
      config: { rateLimit: 'public', access: 'public' },
      schema: {
        tags: ['events'],
        summary: 'Upcoming published events',
        querystring: ListEventsQuery,
        response: { 200: PublicEventList, ...errorResponses(400) },
      },
    },
    async (request) => {
      const rows = await events.listUpcomingPublished(opts.now(), request.query.limit);
      return { items: rows.map(toPublicEvent) };
    },
  );

  app.get(
    '/:id',
    {
      config: { rateLimit: 'public', access: 'public' },
      schema: {
        tags: ['events'],
        summary: 'One published event',
        params: EventParams,
        response: { 200: PublicEventResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const row = await events.findPublishedById(request.params.id);
      if (!row) throw notFound('Event');
      return toPublicEvent(row);
    },
  );
};
