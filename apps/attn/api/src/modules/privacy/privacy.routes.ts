// A student's data on request. Admins find a student by school number, see their face data's
// status, download everything ATTN holds about them, and delete their face data; a student
// downloads their own (KVKK art. 11 and GDPR art. 15 give them the right, so no one has to
// ask an admin for it). Teachers have none of these. Every export and deletion is audited.
import { auditContext } from '@campus/platform/audit';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { currentUser } from '../auth/index.ts';
import type { PrivacyContext } from './privacy.context.ts';
import { FaceDeletion, PrivacyStudent, SchoolNumberParams, StudentExport } from './privacy.schemas.ts';
import { deleteFaceDataOnRequest } from './use-cases/delete-face-data.ts';
import { exportStudentData } from './use-cases/export-student-data.ts';
import { findStudent } from './use-cases/find-student.ts';
import { getFaceDataStatus } from './use-cases/get-face-data-status.ts';

const ADMIN = { rateLimit: 'admin', access: ['admin'] };
const STUDENT = { rateLimit: 'student', access: ['student'] };

/** A download, named after the student (only letters, digits, '-' and '_' in the name). */
const asDownload = (reply: FastifyReply, schoolNumber: string) =>
  reply.header(
    'content-disposition',
    `attachment; filename="attn-data-${schoolNumber.replace(/[^A-Za-z0-9_-]/g, '_')}.json"`,
  );

export const privacyRoutes: FastifyPluginAsyncTypebox<{ ctx: PrivacyContext }> = async (app, { ctx }) => {
  app.get(
    '/admin/privacy/students/:schoolNumber',
    {
      config: ADMIN,
      schema: {
        tags: ['privacy'],
        summary: "A student by school number, with their face data's status",
        params: SchoolNumberParams,
        response: { 200: PrivacyStudent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const student = await findStudent(ctx, { schoolNumber: request.params.schoolNumber });
      return {
        school_number: student.schoolNumber,
        full_name: student.fullName,
        face: await getFaceDataStatus(ctx, student.id),
      };
    },
  );

  app.get(
    '/admin/privacy/students/:schoolNumber/export',
    {
      config: ADMIN,
      schema: {
        tags: ['privacy'],
        summary: 'Everything ATTN holds about a student, as one JSON download (audited)',
        description:
          'No biometric numbers: no embedding and no selfie score; `not_included` says what is left out.',
        params: SchoolNumberParams,
        response: { 200: StudentExport, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const student = await findStudent(ctx, { schoolNumber: request.params.schoolNumber });
      const document = await exportStudentData(ctx, {
        student,
        who: auditContext(request),
        requestedBy: 'admin',
      });
      request.log.info(
        { event: 'privacy.export', studentId: student.id, by: 'admin' },
        'student data exported',
      );
      return asDownload(reply, student.schoolNumber).send(document);
    },
  );

  app.delete(
    '/admin/privacy/students/:schoolNumber/face',
    {
      config: ADMIN,
      schema: {
        tags: ['privacy'],
        summary:
          "Delete a student's face data on their request (consent withdrawn, embeddings and kept selfies deleted)",
        params: SchoolNumberParams,
        response: { 200: FaceDeletion, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const student = await findStudent(ctx, { schoolNumber: request.params.schoolNumber });
      const result = await deleteFaceDataOnRequest(ctx, {
        studentId: student.id,
        who: auditContext(request),
      });
      request.log.info(
        { event: 'privacy.face_data.deleted', studentId: student.id, ...result },
        'face data deleted on request',
      );
      return result;
    },
  );

  app.get(
    '/student/privacy/export',
    {
      config: STUDENT,
      schema: {
        tags: ['privacy'],
        summary: 'Everything ATTN holds about me, as one JSON download',
        description:
          'No biometric numbers: no embedding and no selfie score; `not_included` says what is left out.',
        response: { 200: StudentExport, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const student = await findStudent(ctx, { id: currentUser(request).userId });
      const document = await exportStudentData(ctx, {
        student,
        who: auditContext(request),
        requestedBy: 'student',
      });
      request.log.info(
        { event: 'privacy.export', studentId: student.id, by: 'student' },
        'student data exported',
      );
      return asDownload(reply, student.schoolNumber).send(document);
    },
  );
};
