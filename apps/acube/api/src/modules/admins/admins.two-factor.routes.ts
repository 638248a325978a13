// An admin's own two-factor (any admin): status, enrolment (the secret and its QR code, then a
// first code turns it on and answers the recovery codes once), disabling with a current code or
// the password. And the superadmin's switch that makes two-factor required for every admin.
import { auditContext } from '@campus/platform/audit';
import {
  CodeBody,
  DisableBody,
  Enrolment,
  RecoveryCodes,
  Requirement,
  RequirementBody,
  TwoFactorStatus,
  toEnrolment,
} from '@campus/platform/auth';
import { unauthenticated } from '@campus/platform/errors';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AdminsContext } from './admins.context.ts';
import {
  beginEnrolment,
  confirmOwnEnrolment,
  disableTwoFactor,
  getTwoFactorStatus,
  setTwoFactorRequirement,
} from './use-cases/manage-two-factor.ts';

const config = { rateLimit: 'admin', access: ['staff', 'superadmin'] } as const;
const tags = ['admin two-factor'];

const adminId = (request: FastifyRequest) => {
  const id = request.principal?.id;
  if (!id) throw unauthenticated();
  return id;
};

export const adminsTwoFactorRoutes: FastifyPluginAsyncTypebox<{ ctx: AdminsContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/two-factor',
    {
      config,
      schema: {
        tags,
        summary: 'Whether two-factor is on for me, whether it is required, recovery codes left',
        response: { 200: TwoFactorStatus, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const s = await getTwoFactorStatus(ctx, { adminId: adminId(request) });
      return { enabled: s.enabled, required: s.required, recovery_codes_left: s.recoveryCodesLeft };
    },
  );

  app.post(
    '/two-factor/enrol',
    {
      config,
      schema: {
        tags,
        summary:
          'Start setting up two-factor: a new secret, as text and as a QR code; not on until confirmed',
        response: { 200: Enrolment, ...errorResponses(401, 403, 409) },
      },
    },
    async (request) => toEnrolment(await beginEnrolment(ctx, { adminId: adminId(request) })),
  );

  app.post(
    '/two-factor/confirm',
    {
      config,
      schema: {
        tags,
        summary: 'Turn two-factor on with a first code; the recovery codes are shown only now',
        body: CodeBody,
        response: { 200: RecoveryCodes, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request) => {
      const codes = await confirmOwnEnrolment(ctx, {
        adminId: adminId(request),
        code: request.body.code,
        ip: request.ip,
        who: auditContext(request),
      });
      request.log.info({ event: 'two_factor.enabled', userId: request.principal?.id }, 'admin enrolled 2FA');
      return { recovery_codes: codes };
    },
  );

  app.post(
    '/two-factor/disable',
    {
      config,
      schema: {
        tags,
        summary: 'Turn two-factor off, with a current code (or recovery code) or the password',
        body: DisableBody,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      await disableTwoFactor(ctx, {
        adminId: adminId(request),
        proof: request.body,
        ip: request.ip,
        who: auditContext(request),
      });
      request.log.info({ event: 'two_factor.disabled', userId: request.principal?.id }, 'admin disabled 2FA');
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/two-factor/requirement',
    {
      config: { rateLimit: 'admin', access: ['superadmin'] },
      schema: {
        tags,
        summary: 'Require two-factor for every admin (or stop requiring it); audited',
        body: RequirementBody,
        response: { 200: Requirement, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const result = await setTwoFactorRequirement(ctx, {
        required: request.body.required,
        who: auditContext(request),
      });
      request.log.info(
        { event: 'two_factor.requirement', required: result.required, by: request.principal?.id },
        'two-factor requirement set',
      );
      return result;
    },
  );
};
