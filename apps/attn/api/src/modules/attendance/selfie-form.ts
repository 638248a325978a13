// The selfie check-in's multipart/form-data body: the JSON check-in's fields (session_id, code
// or ticket, device_id, checked against the same TypeBox schema) and one file in the field "selfie", read
// into memory (never a temporary file on disk), in any order.
import { AppError } from '@campus/platform/errors';
import type { FastifyRequest } from 'fastify';
import Value from 'typebox/value';
import { CheckInBody } from './checkins.schemas.ts';

export interface SelfieForm {
  body: CheckInBody;
  selfie: Buffer;
  filename: string;
}

const invalid = (details: { field: string; message: string }[]) =>
  new AppError('VALIDATION_FAILED', 'The request is invalid', { details });

const codeOf = (err: unknown) => (err as { code?: unknown }).code;

export async function readSelfieForm(request: FastifyRequest, maxBytes: number): Promise<SelfieForm> {
  if (!request.isMultipart()) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the check-in as multipart/form-data: session_id, code or ticket, device_id and the photo in "selfie"',
    );
  }
  const fields: Record<string, string> = {};
  let selfie: { bytes: Buffer; filename: string } | undefined;
  try {
    for await (const part of request.parts({ limits: { files: 1, fileSize: maxBytes } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'selfie') {
          await part.toBuffer();
          throw invalid([{ field: `body.${part.fieldname}`, message: 'the only file field is "selfie"' }]);
        }
        selfie = { bytes: await part.toBuffer(), filename: part.filename || 'selfie' };
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (err) {
    if (codeOf(err) === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('PAYLOAD_TOO_LARGE', `The selfie is larger than ${maxBytes / 1024 / 1024} MB`);
    if (codeOf(err) === 'FST_FILES_LIMIT')
      throw invalid([{ field: 'body.selfie', message: 'one photo only' }]);
    throw err;
  }
  if (!Value.Check(CheckInBody, fields)) {
    throw invalid(
      [...Value.Errors(CheckInBody, fields)].slice(0, 10).map((e) => ({
        field: `body${e.instancePath.replaceAll('/', '.')}`,
        message: e.message,
      })),
    );
  }
  if (!selfie || selfie.bytes.length === 0)
    throw invalid([{ field: 'body.selfie', message: 'a photo is required' }]);
  return { body: fields as CheckInBody, selfie: selfie.bytes, filename: selfie.filename };
}
