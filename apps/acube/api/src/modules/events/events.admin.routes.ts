// Events for staff: the seed's POST /api/events (now for admins), and under /api/admin/events:
// list every event, edit (a raised capacity promotes from the waiting list), publish, cancel
// (every registrant is mailed and their registration ends), its image (an upload), and the
// registrations of one event; and what an image may be (types and size), for the editor's hint.
import { auditContext } from '@campus/platform/audit';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listAnswer } from '../listing/index.ts';
import type { EventsContext } from './events.context.ts';
import {
  AdminEvent,
  AdminEventList,
  AdminEventsQuery,
  AdminRegistrationList,
  AdminRegistrationPage,
  AdminRegistrationsQuery,
  CancelEventResponse,
  CreateEventBody,
  EventImageRules,
  EventParams,
  SetEventImageBody,
  toAdminEvent,
  toAdminRegistration,
  toAdminRegistrationListItem,
  UpdateEventBody,
} from './events.schemas.ts';
import { cancelEvent } from './use-cases/cancel-event.ts';
import { createEvent } from './use-cases/create-event.ts';
import { findEvents } from './use-cases/find-events.ts';
import { findRegistrations } from './use-cases/find-registrations.ts';
import { getEvent } from './use-cases/get-event.ts';
import { getImageRules } from './use-cases/get-image-rules.ts';
import { listEventRegistrations } from './use-cases/list-event-registrations.ts';
import { publishEvent } from './use-cases/publish-event.ts';
import { setEventImage } from './use-cases/set-event-image.ts';
import { updateEvent } from './use-cases/update-event.ts';

const config = { rateLimit: 'admin', access: ['staff', 'superadmin'] } as const;

export const eventsAdminRoutes: FastifyPluginAsyncTypebox<{ ctx: EventsContext }> = async (app, { ctx }) => {
  app.post(
    '/api/events',
    {
      config,
      schema: {
        tags: ['events'],
        summary: 'Create an event, as a draft (admins; the seed had this public)',
        body: CreateEventBody,
        response: { 201: AdminEvent, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const row = await createEvent(ctx, { fields: request.body, who: auditContext(request) });
      return reply.code(201).send(toAdminEvent(row));
    },
  );

  app.get(
    '/api/admin/events',
    {
      config,
      schema: {
        tags: ['events'],
        summary: 'Events of any status: filtered, sorted, paged and counted (admins)',
        querystring: AdminEventsQuery,
        response: { 200: AdminEventList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) =>
      listAnswer(await findEvents(ctx, request.query), request.query.page, ({ event, places }) => ({
        ...toAdminEvent(event),
        confirmed: places.confirmed,
        waiting: places.waiting,
        created_at: event.createdAt.toISOString(),
      })),
  );

  app.get(
    '/api/admin/events/image-rules',
    {
      config,
      schema: {
        tags: ['events'],
        summary: "What an event's image may be: its types and the upload limit in bytes (admins)",
        response: { 200: EventImageRules, ...errorResponses(401, 403) },
      },
    },
    async () => {
      const rules = getImageRules(ctx);
      return { types: rules.types, max_bytes: rules.maxBytes };
    },
  );

  app.get(
    '/api/admin/events/:id',
    {
      config,
      schema: {
        tags: ['events'],
        summary: 'One event of any status (admins)',
        params: EventParams,
        response: { 200: AdminEvent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => toAdminEvent(await getEvent(ctx, { id: request.params.id })),
  );

  app.get(
    '/api/admin/registrations',
    {
      config,
      schema: {
        tags: ['events'],
        summary:
          'Registrations across events, each with its event: filtered, sorted, paged, counted (admins)',
        querystring: AdminRegistrationsQuery,
        response: { 200: AdminRegistrationPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) =>
      listAnswer(
        await findRegistrations(ctx, request.query),
        request.query.page,
        toAdminRegistrationListItem,
      ),
  );

  app.patch(
    '/api/admin/events/:id',
    {
      config,
      schema: {
        tags: ['events'],
        summary: 'Edit an event; a raised capacity promotes from the waiting list (admins)',
        params: EventParams,
        body: UpdateEventBody,
        response: { 200: AdminEvent, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { event, promoted } = await updateEvent(ctx, {
        id: request.params.id,
        changes: request.body,
        who: auditContext(request),
      });
      if (promoted.length > 0) {
        request.log.info(
          { event: 'event.capacity_raised', eventId: event.id, promoted: promoted.map((p) => p.id) },
          'waiting list promoted',
        );
      }
      return toAdminEvent(event);
    },
  );

  app.post(
    '/api/admin/events/:id/publish',
    {
      config,
      schema: {
        tags: ['events'],
        summary: 'Publish a draft (admins)',
        params: EventParams,
        response: { 200: AdminEvent, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      toAdminEvent(await publishEvent(ctx, { id: request.params.id, who: auditContext(request) })),
  );

  app.put(
    '/api/admin/events/:id/image',
    {
      config,
      schema: {
        tags: ['events'],
        summary: "Set an event's image to an uploaded image, or null to remove it (admins)",
        params: EventParams,
        body: SetEventImageBody,
        response: { 200: AdminEvent, ...errorResponses(400, 401, 403, 404, 415) },
      },
    },
    async (request) =>
      toAdminEvent(
        await setEventImage(ctx, {
          id: request.params.id,
          fileId: request.body.file_id,
          who: auditContext(request),
        }),
      ),
  );

  app.post(
    '/api/admin/events/:id/cancel',
    {
      config,
      schema: {
        tags: ['events'],
        summary: 'Cancel an event: every registrant is mailed, their registrations end (admins)',
        params: EventParams,
        response: { 200: CancelEventResponse, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { event, notified } = await cancelEvent(ctx, {
        id: request.params.id,
        who: auditContext(request),
      });
      request.log.info(
        { event: 'event.cancelled', eventId: event.id, notified, by: request.principal?.id },
        'event cancelled',
      );
      return { event: toAdminEvent(event), notified };
    },
  );

  app.get(
    '/api/admin/events/:id/registrations',
    {
      config,
      schema: {
        tags: ['events'],
        summary: 'Registrations of an event: confirmed, then the waiting list in order (admins)',
        params: EventParams,
        response: { 200: AdminRegistrationList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const rows = await listEventRegistrations(ctx, { eventId: request.params.id });
      return { items: rows.map(toAdminRegistration) };
    },
  );
};
