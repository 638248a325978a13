// The privacy module: a student's data on request (export for the student or an admin, face
// data deletion by an admin) and the face data retention schedule. It owns no table: it reads
// and deletes through the auth, courses, attendance and face modules' privacy adapters
// (their index.ts), built once here.
import type { FastifyPluginAsync } from 'fastify';
import type { AttnServices } from '../../services.ts';
import { attendanceForPrivacy } from '../attendance/index.ts';
import { accountsForPrivacy } from '../auth/index.ts';
import { coursesForPrivacy } from '../courses/index.ts';
import { faceForPrivacy } from '../face/index.ts';
import type { PrivacyContext } from './privacy.context.ts';
import { FACE_RETENTION_CRON, FACE_RETENTION_QUEUE, faceRetentionQueue } from './privacy.jobs.ts';
import { privacyRoutes } from './privacy.routes.ts';

export const privacyModule: FastifyPluginAsync<AttnServices> = async (app, services) => {
  const { db } = services;
  const ctx: PrivacyContext = {
    db,
    audit: services.audit,
    clock: services.clock,
    files: services.files,
    logger: services.logger,
    retentionDays: services.config.faceRetentionDays,
    accounts: accountsForPrivacy(db),
    courses: coursesForPrivacy(db),
    attendance: attendanceForPrivacy(db),
    face: faceForPrivacy(db),
  };
  app.jobs.define(faceRetentionQueue(ctx));
  app.jobs.schedule(FACE_RETENTION_QUEUE, FACE_RETENTION_CRON);
  await app.register(privacyRoutes, { prefix: '/api', ctx });
};
