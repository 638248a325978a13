// POST /api/student/checkins: a student checks in with the current code, or a ticket for it.
// Accepted check-ins are written by group commit and announced to the teacher's live view after
// the commit. POST /api/student/checkins/selfie: the same with a selfie, for sessions that
// require one; the check-in is answered 'pending' and its verification job queued after the
// commit. POST /api/checkin-tickets (public): a scanned code exchanged for a two-minute ticket
// before the student logs in.
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentUser } from '../auth/index.ts';
import type { AttendanceContext } from './attendance.context.ts';
import type { InsertedCheckin } from './checkins.repository.ts';
import {
  CheckInBody,
  CheckInResponse,
  SelfieCheckInDescription,
  TicketBody,
  TicketDescription,
  TicketResponse,
} from './checkins.schemas.ts';
import { readSelfieForm } from './selfie-form.ts';
import { type CheckInDeps, type CheckInInput, checkIn } from './use-cases/check-in.ts';
import { issueTicket } from './use-cases/issue-ticket.ts';

export const checkinsRoutes: FastifyPluginAsyncTypebox<{
  ctx: AttendanceContext;
  deps: CheckInDeps;
  /** Queues a selfie's verification (after the check-in's commit). */
  enqueueVerification(checkinId: string): Promise<void>;
}> = async (app, { ctx, deps, enqueueVerification }) => {
  const { live, files } = ctx;

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

  /** After the commit: logged, announced, answered 201. */
  const created = (request: FastifyRequest, reply: FastifyReply, row: InsertedCheckin) => {
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
  };
  const inputOf = (request: FastifyRequest, body: CheckInBody): CheckInInput => ({
    sessionId: body.session_id,
    studentId: currentUser(request).userId,
    code: body.code,
    ticket: body.ticket,
    deviceId: body.device_id,
    ip: request.ip,
  });

  app.post(
    '/checkin-tickets',
    {
      config: { rateLimit: 'ticket', access: 'public' },
      schema: {
        tags: ['check-in'],
        summary: 'Exchange a scanned code for a two-minute check-in ticket, before logging in',
        description: TicketDescription,
        body: TicketBody,
        response: { 201: TicketResponse, ...errorResponses(400, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { session_id, code, device_id } = request.body;
      const issued = await issueTicket(deps, {
        sessionId: session_id,
        code,
        deviceId: device_id,
        ip: request.ip,
      });
      request.log.info({ event: 'checkin_ticket.issued', sessionId: session_id }, 'check-in ticket issued');
      reply.header('cache-control', 'no-store');
      return reply
        .code(201)
        .send({ ticket: issued.ticket, session_id, expires_at: issued.expiresAt.toISOString() });
    },
  );

  app.post(
    '/student/checkins',
    {
      config: { rateLimit: 'student', access: ['student'] },
      schema: {
        tags: ['check-in'],
        summary: 'Check in to an attendance session with the code on the screen, or a ticket for it',
        description:
          'Send exactly one of code and ticket (from POST /api/checkin-tickets, with the same device_id). ' +
          "A session that requires a selfie refuses this with 422 'selfie_required' for a student " +
          'enrolled for face verification: use POST /api/student/checkins/selfie.',
        body: CheckInBody,
        response: { 201: CheckInResponse, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => created(request, reply, await checkIn(deps, inputOf(request, request.body))),
  );

  const selfieBytes = files.kinds.selfie?.maxBytes ?? 0;
  app.post(
    '/student/checkins/selfie',
    {
      config: { rateLimit: 'student', access: ['student'] },
      schema: {
        tags: ['check-in'],
        summary: 'Check in with the code on the screen (or a ticket) and a selfie (multipart/form-data)',
        description: SelfieCheckInDescription,
        consumes: ['multipart/form-data'],
        response: { 201: CheckInResponse, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const form = await readSelfieForm(request, selfieBytes);
      const { userId } = currentUser(request);
      const row = await checkIn(deps, {
        ...inputOf(request, form.body),
        selfie: {
          store: async () => (await files.store('selfie', form.selfie, form.filename, userId)).id,
          discard: (fileId) => files.remove(fileId),
        },
      });
      if (row.verification === 'pending') {
        // Queued after the commit (the group commit writes many check-ins in one statement, so
        // the job cannot join its transaction). If this fails, the check-in stays 'pending' and
        // the stuck-verification schedule queues it again (verification.jobs.ts).
        await enqueueVerification(row.id).catch((err: unknown) =>
          request.log.warn({ err, checkinId: row.id }, 'verification not queued: the sweep will re-queue it'),
        );
      }
      return created(request, reply, row);
    },
  );
};
