// The teacher's review of selfie verifications (course teachers only): the session's check-ins
// that need a look, the selfie kept for one (never cached), and the decision on it.
import { auditContext } from '@campus/platform/audit';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { currentUser } from '../auth/index.ts';
import type { AttendanceContext } from './attendance.context.ts';
import { CheckinParams, ReviewBody, ReviewList, ReviewResult, SessionParams } from './review.schemas.ts';
import { listSessionReviews, readKeptSelfie, reviewCheckin } from './use-cases/review-checkins.ts';

export const reviewRoutes: FastifyPluginAsyncTypebox<{ ctx: AttendanceContext }> = async (app, { ctx }) => {
  const teacher = { rateLimit: 'teacher', access: ['teacher'] };

  app.get(
    '/teacher/sessions/:sessionId/reviews',
    {
      config: teacher,
      schema: {
        tags: ['face verification'],
        summary: 'Check-ins of a session whose selfie needs review or was rejected, with the scores',
        params: SessionParams,
        response: { 200: ReviewList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      listSessionReviews(ctx, {
        teacherId: currentUser(request).userId,
        sessionId: request.params.sessionId,
      }),
  );

  app.get(
    '/teacher/checkins/:checkinId/selfie',
    {
      config: teacher,
      schema: {
        tags: ['face verification'],
        summary: 'The selfie kept for a check-in under review (gone once decided or after seven days)',
        params: CheckinParams,
        produces: ['image/jpeg', 'image/png', 'image/webp'],
        response: { 200: Type.Any({ description: 'the photo' }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const found = await readKeptSelfie(ctx, {
        actor: auditContext(request),
        teacherId: currentUser(request).userId,
        checkinId: request.params.checkinId,
      });
      return reply
        .type(found.file.mime)
        .header('cache-control', 'no-store, private')
        .header('content-disposition', 'inline')
        .header('content-length', found.file.size)
        .send(found.stream);
    },
  );

  app.post(
    '/teacher/checkins/:checkinId/review',
    {
      config: teacher,
      schema: {
        tags: ['face verification'],
        summary: 'Accept or reject a check-in whose selfie needs review or was rejected (audited)',
        params: CheckinParams,
        body: ReviewBody,
        response: { 200: ReviewResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { userId } = currentUser(request);
      const result = await reviewCheckin(ctx, {
        actor: auditContext(request),
        teacherId: userId,
        checkinId: request.params.checkinId,
        decision: request.body.decision,
        reason: request.body.reason,
      });
      request.log.info(
        { event: 'checkin.reviewed', checkinId: result.id, verification: result.verification, by: userId },
        'selfie verification reviewed',
      );
      return {
        id: result.id,
        verification: result.verification,
        reviewed_by: result.reviewedBy,
        reviewed_at: result.reviewedAt.toISOString(),
        selfie_kept: false as const,
      };
    },
  );
};
