// A teacher's or admin's own two-factor: status, enrolment (the secret and its QR code, then a
// first code turns it on and answers the recovery codes once), disabling with a current code or
// the password. And the admin's switch that makes two-factor required for every teacher and
// admin (their sessions without it end; they enrol at their next login).
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
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AuthContext } from './auth.context.ts';
import { currentUser } from './current-user.ts';
import {
  beginEnrolment,
  confirmOwnEnrolment,
  disableTwoFactor,
  getTwoFactorStatus,
  setTwoFactorRequirement,
} from './use-cases/manage-two-factor.ts';

const config = { rateLimit: 'user', access: ['teacher', 'admin'] } as const;
const tags = ['two-factor'];

export const authTwoFactorRoutes: FastifyPluginAsyncTypebox<{ ctx: AuthContext }> = async (app, { ctx }) => {
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
      const s = await getTwoFactorStatus(ctx, { userId: currentUser(request).userId });
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
    async (request) => toEnrolment(await beginEnrolment(ctx, { userId: currentUser(request).userId })),
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
        userId: currentUser(request).userId,
        code: request.body.code,
        ip: request.ip,
        who: auditContext(request),
      });
      request.log.info(
        { event: 'two_factor.enabled', userId: request.principal?.subject },
        'user enrolled 2FA',
      );
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
        userId: currentUser(request).userId,
        proof: request.body,
        ip: request.ip,
        who: auditContext(request),
      });
      request.log.info(
        { event: 'two_factor.disabled', userId: request.principal?.subject },
        'user disabled 2FA',
      );
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/two-factor/requirement',
    {
      config: { rateLimit: 'user', access: ['admin'] },
      schema: {
        tags,
        summary: 'Require two-factor for every teacher and admin (or stop requiring it); audited',
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
        { event: 'two_factor.requirement', required: result.required, by: request.principal?.subject },
        'two-factor requirement set',
      );
      return result;
    },
  );
};
