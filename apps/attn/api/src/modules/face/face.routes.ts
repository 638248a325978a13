// The student's face enrolment: consent (read, give, withdraw) and the photos whose embeddings
// later verify their selfies. Every route acts on the caller only: there is no id in any path
// or body, so one student can neither see nor change another's consent or embeddings.
import { auditContext } from '@campus/platform/audit';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { currentUser } from '../auth/index.ts';
import type { FaceContext } from './face.context.ts';
import { Consent, ConsentBody, EnrolmentResponse, FaceStatusResponse } from './face.schemas.ts';
import { readPhotos } from './read-photos.ts';
import { enrolFace } from './use-cases/enrol-face.ts';
import { getFaceStatus } from './use-cases/get-face-status.ts';
import { giveConsent } from './use-cases/give-consent.ts';
import { withdrawConsent } from './use-cases/withdraw-consent.ts';

const STUDENT = ['student'];

export const faceRoutes: FastifyPluginAsyncTypebox<{ ctx: FaceContext }> = async (app, { ctx }) => {
  const { audit, clock, faces, db } = ctx;

  app.get(
    '/student/face',
    {
      config: { rateLimit: 'student', access: STUDENT },
      schema: {
        tags: ['face'],
        summary: 'My face consent, how many photos are enrolled, and the consent text to show',
        response: { 200: FaceStatusResponse, ...errorResponses(401, 403) },
      },
    },
    async (request) => getFaceStatus(db(), currentUser(request).userId),
  );

  app.post(
    '/student/face/consent',
    {
      config: { rateLimit: 'student', access: STUDENT },
      schema: {
        tags: ['face'],
        summary: 'Consent to face verification under the consent text of this version',
        body: ConsentBody,
        response: {
          200: { ...Consent, description: 'Already consented to this text' },
          201: { ...Consent, description: 'Consent recorded' },
          ...errorResponses(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      const { userId } = currentUser(request);
      const { consent, created } = await giveConsent(
        { db: db(), audit, clock },
        { userId, textVersion: request.body.text_version, who: auditContext(request) },
      );
      if (created)
        request.log.info({ event: 'face.consent.given', userId, consentId: consent.id }, 'face consent');
      return reply.code(created ? 201 : 200).send({
        text_version: consent.textVersion,
        consented_at: consent.consentedAt.toISOString(),
      });
    },
  );

  app.delete(
    '/student/face/consent',
    {
      config: { rateLimit: 'student', access: STUDENT },
      schema: {
        tags: ['face'],
        summary: 'Withdraw face consent: the enrolled embeddings are deleted at once',
        response: {
          204: Type.Null({ description: 'Withdrawn; nothing of the face is stored' }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request, reply) => {
      const { userId } = currentUser(request);
      const result = await withdrawConsent(
        { db: db(), audit, clock },
        { userId, who: auditContext(request) },
      );
      request.log.info({ event: 'face.consent.withdrawn', userId, ...result }, 'face consent withdrawn');
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/student/face/enrolment',
    {
      // 'face': each call costs up to three face analyses, so fewer calls than other student routes.
      config: { rateLimit: 'face', access: STUDENT },
      schema: {
        tags: ['face'],
        summary: 'Enrol one to three photos of my face (multipart/form-data, field "photo", 8 MB each)',
        description:
          'Each photo must show exactly one face, large, in colour, sharp and lit enough (the FACE_MIN_* ' +
          'settings). The photos are analysed in memory and never stored; their embeddings replace any ' +
          'enrolled before. Refusals name each photo (details[].index, filename, code: NO_FACE, ' +
          'MULTIPLE_FACES, FACE_TOO_SMALL, PHOTO_GREYSCALE, PHOTO_BLURRED, PHOTO_TOO_DARK, UNREADABLE_IMAGE, ' +
          'UNSUPPORTED_FORMAT; a photo below the quality gate also lists every failed check in details[].reasons).',
        consumes: ['multipart/form-data'],
        response: { 200: EnrolmentResponse, ...errorResponses(400, 401, 403, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      const { userId } = currentUser(request);
      const result = await enrolFace(
        { db: db(), audit, clock, faces },
        { userId, photos: () => readPhotos(request), who: auditContext(request) },
      );
      request.log.info({ event: 'face.enrolled', userId, photos: result.enrolled }, 'face enrolled');
      return result;
    },
  );
};
