// Public event routes (policy `public`): published events only, with their places left and
// waiting list, and their image once published; registration, where a full event puts people on
// the waiting list; the registration's own view and cancellation through the private link's
// token, answered with the private headers (no-store, no-referrer, noindex).
import { auditContext } from '@campus/platform/audit';
import { errorResponses, privateHeaders } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { BotCheckHeaders, requireBotCheck } from '../abuse/index.ts';
import type { EventsContext } from './events.context.ts';
import {
  CancelRegistrationBody,
  EventParams,
  ListEventsQuery,
  ManageRegistrationQuery,
  OwnRegistration,
  PublicEventList,
  PublicEventResponse,
  RegisterBody,
  RegistrationResponse,
  type RegistrationResult,
  toPublicEvent,
} from './events.schemas.ts';
import { cancelRegistration } from './use-cases/cancel-registration.ts';
import { getEventImage } from './use-cases/get-event-image.ts';
import { getOwnRegistration } from './use-cases/get-own-registration.ts';
import { getPublishedEvent } from './use-cases/get-published-event.ts';
import { listPublishedEvents } from './use-cases/list-published-events.ts';
import { registerForEvent } from './use-cases/register-for-event.ts';

const config = { rateLimit: 'public', access: 'public' } as const;
/** An image's address (image_url) names its file, so a week is safe: a replaced image has a new one. */
const IMAGE_CACHE = 'public, max-age=604800';

const registeredMessage = (r: { status: string; position: number | null }, created: boolean) =>
  !created
    ? 'You are registered already: nothing was sent twice.'
    : r.status === 'confirmed'
      ? 'Your place is confirmed. We have e-mailed you the details.'
      : `The event is full: you are number ${r.position} on the waiting list.`;

export const eventsRoutes: FastifyPluginAsyncTypebox<{ ctx: EventsContext }> = async (app, { ctx }) => {
  app.addSchema(PublicEventResponse);

  app.get(
    '/',
    {
      config,
      schema: {
        tags: ['events'],
        summary: 'Upcoming published events',
        querystring: ListEventsQuery,
        response: { 200: PublicEventList, ...errorResponses(400) },
      },
    },
    async (request) => {
      const rows = await listPublishedEvents(ctx, { limit: request.query.limit });
      return { items: rows.map(({ event, counts }) => toPublicEvent(event, counts)) };
    },
  );

  app.get(
    '/:id',
    {
      config,
      schema: {
        tags: ['events'],
        summary: 'One published event',
        params: EventParams,
        response: { 200: PublicEventResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { event, counts } = await getPublishedEvent(ctx, { id: request.params.id });
      return toPublicEvent(event, counts);
    },
  );

  app.get(
    '/:id/image',
    {
      config,
      schema: {
        tags: ['events'],
        summary: "A published event's image",
        params: EventParams,
        response: {
          200: Type.Any({ description: 'the image' }),
          304: Type.Null({ description: 'the copy the browser has is current' }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      const { file, stream } = await getEventImage(ctx, { id: request.params.id });
      const etag = `"${file.id}"`;
      reply.header('cache-control', IMAGE_CACHE).header('etag', etag);
      if (request.headers['if-none-match'] === etag) {
        stream.destroy();
        return reply.code(304).send(null);
      }
      return reply.type(file.mime).header('content-length', file.size).send(stream);
    },
  );

  app.post(
    '/:id/register',
    {
      config,
      preHandler: requireBotCheck(app),
      schema: {
        tags: ['events'],
        summary:
          'Register for a published event (with a solved bot check); a full event puts you on the waiting list',
        headers: BotCheckHeaders,
        params: EventParams,
        body: RegisterBody,
        response: { 201: RegistrationResponse, 200: RegistrationResponse, ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const { registration, created, position } = await registerForEvent(
        { ...ctx, log: request.log, mailCap: app.publicMailCap },
        {
          eventId: request.params.id,
          ...request.body,
          who: auditContext(request),
        },
      );
      request.log.info(
        {
          event: 'registration.created',
          registrationId: registration.id,
          status: registration.status,
          created,
        },
        'event registration',
      );
      const body: RegistrationResult = {
        status: registration.status,
        position,
        message: registeredMessage({ status: registration.status, position }, created),
      };
      return reply.code(created ? 201 : 200).send(body);
    },
  );

  app.get(
    '/registrations/manage',
    {
      config,
      onRequest: privateHeaders,
      schema: {
        tags: ['events'],
        summary:
          'Your registration, through the private link: the event, your state, your place in the queue',
        querystring: ManageRegistrationQuery,
        response: { 200: OwnRegistration, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const own = await getOwnRegistration(ctx, { token: request.query.token });
      return {
        event: toPublicEvent(own.event, own.counts),
        name: own.registration.name,
        status: own.registration.status,
        position: own.position,
      };
    },
  );

  app.post(
    '/registrations/cancel',
    {
      config,
      onRequest: privateHeaders,
      schema: {
        tags: ['events'],
        summary: 'Cancel your registration with the token of the private link',
        body: CancelRegistrationBody,
        response: { 200: RegistrationResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { registration, promoted } = await cancelRegistration(ctx, {
        token: request.body.token,
        who: auditContext(request),
      });
      request.log.info(
        {
          event: 'registration.cancelled',
          registrationId: registration.id,
          promoted: promoted.map((p) => p.id),
        },
        'registration cancelled',
      );
      return { status: registration.status, position: null, message: 'Your registration is cancelled.' };
    },
  );
};
