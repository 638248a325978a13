// The enrolment photos from a multipart/form-data request, read into memory: never through
// @fastify/multipart's saveRequestFiles (which writes temporary files), never to disk at all.
// Limits per request: MAX_PHOTOS files of MAX_PHOTO_BYTES each; other form fields are ignored.
import { AppError } from '@campus/platform/errors';
import type { FastifyRequest } from 'fastify';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from './face.schemas.ts';

export interface Photo {
  /** Position among the photos sent, from 0. */
  index: number;
  /** The client's file name, only to name the photo in an error. */
  filename: string;
  bytes: Buffer;
}

const codeOf = (err: unknown) => (err as { code?: unknown }).code;

const tooMany = () =>
  new AppError('VALIDATION_FAILED', 'The request is invalid', {
    details: [{ field: 'body.photo', message: `at most ${MAX_PHOTOS} photos` }],
  });

export async function readPhotos(request: FastifyRequest): Promise<Photo[]> {
  if (!request.isMultipart()) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the photos as multipart/form-data, one to three files in the field "photo"',
    );
  }
  const photos: Photo[] = [];
  try {
    for await (const part of request.parts({ limits: { files: MAX_PHOTOS, fileSize: MAX_PHOTO_BYTES } })) {
      if (part.type !== 'file') continue;
      const index = photos.length;
      const filename = (part.filename || `photo ${index + 1}`).slice(0, 200);
      try {
        photos.push({ index, filename, bytes: await part.toBuffer() });
      } catch (err) {
        if (codeOf(err) !== 'FST_REQ_FILE_TOO_LARGE') throw err;
        const message = `Photo ${index + 1} (${filename}) is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB`;
        throw new AppError('PAYLOAD_TOO_LARGE', message, {
          details: [{ field: `photos[${index}]`, message, index, filename }],
        });
      }
    }
  } catch (err) {
    if (codeOf(err) === 'FST_FILES_LIMIT') throw tooMany();
    throw err;
  }
  if (photos.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
      details: [{ field: 'body.photo', message: 'one to three photos are required' }],
    });
  }
  return photos;
}
