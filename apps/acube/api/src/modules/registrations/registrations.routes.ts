// POST /api/events/{id}/register (policy `public`): a place while there is one, else the
// waiting list; POST /api/events/registrations/cancel with the private link's token.
import { auditContext } from '@campus/platform/audit/audit-log.ts';
import { errorResponses } from '@campus/platform/http/schemas.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RegistrationsService } from './registrations.service.ts';

const RegisterBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.String({ format: 'email', maxLength: 254 }),
});
const RegistrationResponse = Type.Object({
  status: Type.Union([Type.Literal('confirmed'), Type.Literal('waiting'), Type.Literal('cancelled')]),
  position: Type.Union([Type.Integer(), Type.Null()], { description: 'place on the waiting list' }),
  message: Type.String(),
});

export const registrationsRoutes: FastifyPluginAsyncTypebox<{ registrations: RegistrationsService }> = async (
  app,
  { registrations },
) => {
  app.post(
    '/:id/register',
    {
      config: { rateLimit: 'public', access: 'public' },
      schema: {
        tags: ['events'],
        summary: 'Register for a published event; a full event puts you on the waiting list',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: RegisterBody,
        response: { 201: RegistrationResponse, 200: RegistrationResponse, ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const { registration, created } = await registrations.register(
        request.params.id,
        request.body,
        auditContext(request),
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
      return reply.code(created ? 201 : 200).send({
        status: registration.status,
        position: registration.position,
        message: !created
          ? 'You are registered already: nothing was sent twice.'
          : registration.status === 'confirmed'
            ? 'Your place is confirmed. We have e-mailed you the details.'
            : `The event is full: you are number ${registration.position} on the waiting list.`,
      });
    },
  );

  app.post(
    '/registrations/cancel',
    {
      config: { rateLimit: 'public', access: 'public' },
      schema: {
        tags: ['events'],
        summary: 'Cancel your registration with the token of the private link',
        body: Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) }),
        response: { 200: RegistrationResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { registration } = await registrations.cancel(request.body.token, auditContext(request));
      request.log.info(
        { event: 'registration.cancelled', registrationId: registration.id },
        'registration cancelled',
      );
      return { status: registration.status, position: null, message: 'Your registration is cancelled.' };
    },
  );
};
