// Public event routes (policy `public`): published events only; registration, where a full event
// puts people on the waiting list; cancelling through the private link's token.
import { auditContext } from '@campus/platform/audit/audit-log.ts';
import { errorResponses } from '@campus/platform/http/schemas.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { EventsContext } from './events.context.ts';
import {
  CancelRegistrationBody,
  EventParams,
  ListEventsQuery,
  PublicEventList,
  PublicEventResponse,
  RegisterBody,
  RegistrationResponse,
  type RegistrationResult,
  toPublicEvent,
} from './events.schemas.ts';
import { cancelRegistration } from './use-cases/cancel-registration.ts';
import { getPublishedEvent } from './use-cases/get-published-event.ts';
import { listPublishedEvents } from './use-cases/list-published-events.ts';
import { registerForEvent } from './use-cases/register-for-event.ts';

const config = { rateLimit: 'public', access: 'public' } as const;

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
      return { items: rows.map(toPublicEvent) };
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
    async (request) => toPublicEvent(await getPublishedEvent(ctx, { id: request.params.id })),
  );

  app.post(
    '/:id/register',
    {
      config,
      schema: {
        tags: ['events'],
        summary: 'Register for a published event; a full event puts you on the waiting list',
        params: EventParams,
        body: RegisterBody,
        response: { 201: RegistrationResponse, 200: RegistrationResponse, ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const { registration, created } = await registerForEvent(ctx, {
        eventId: request.params.id,
        ...request.body,
        who: auditContext(request),
      });
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
        position: registration.position,
        message: registeredMessage(registration, created),
      };
      return reply.code(created ? 201 : 200).send(body);
    },
  );

  app.post(
    '/registrations/cancel',
    {
      config,
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
