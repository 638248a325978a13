// POST /api/student/checkins: a student checks in with the current code. Accepted check-ins
// are written by group commit and announced to the teacher's live view after the commit.
import { errorResponses } from '@campus/platform/http/schemas.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AttnServices } from '../../services.ts';
import { currentUser } from '../auth/current-user.ts';
import { createSessionsRepository } from '../sessions/sessions.repository.ts';
import { createCheckinWriter } from './checkin-writer.ts';
import { createCheckinsRepository, type InsertedCheckin } from './checkins.repository.ts';
import { CheckInBody, CheckInResponse } from './checkins.schemas.ts';
import { createSessionCache } from './session-cache.ts';
import { checkIn } from './use-cases/check-in.ts';

export const checkinsRoutes: FastifyPluginAsyncTypebox<AttnServices> = async (app, services) => {
  const { clock, live } = services;
  const sessionsRepo = createSessionsRepository(services.db);
  const sessions = createSessionCache({
    load: (id) => sessionsRepo.getById(id),
    appSecret: services.config.appSecret,
  });
  // PGlite runs one statement at a time; on PostgreSQL a few batches may be in flight at once.
  const writer = createCheckinWriter(createCheckinsRepository(services.db), {
    maxInFlight: app.database.kind === 'pglite' ? 1 : 4,
  });

  /** After the commit (the writer answers only then): the teacher's live view hears of it. */
  const announce = (row: InsertedCheckin) =>
    live.publish(row.session_id, {
      type: 'checkin',
      id: row.id,
      student: { id: row.student_id, school_number: row.school_number, full_name: row.full_name },
      status: row.status,
      checked_in_at: row.checked_in_at.toISOString(),
      verification: row.verification,
      source: 'code',
      ...(row.device_flagged ? { device_flagged: true } : {}),
    });

  app.post(
    '/student/checkins',
    {
      config: { rateLimit: 'student', access: ['student'] },
      schema: {
        tags: ['check-in'],
        summary: 'Check in to an attendance session with the code on the screen',
        body: CheckInBody,
        response: { 201: CheckInResponse, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { userId } = currentUser(request);
      const row = await checkIn(
        { sessions, writer, clock },
        {
          sessionId: request.body.session_id,
          studentId: userId,
          code: request.body.code,
          deviceId: request.body.device_id,
          ip: request.ip,
        },
      );
      request.log.info(
        { event: 'checkin.created', checkinId: row.id, sessionId: row.session_id, status: row.status },
        'checked in',
      );
      announce(row);
      return reply.code(201).send({
        id: row.id,
        status: row.status,
        verification: row.verification,
        checked_in_at: row.checked_in_at.toISOString(),
      });
    },
  );
};
