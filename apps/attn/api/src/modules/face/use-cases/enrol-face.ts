// A student enrols one to three photos of their face under a live consent to the current text.
// Every photo must hold exactly one usable face; if any does not, nothing is stored and the
// answer names each refused photo with its reason. Accepted embeddings replace the previous
// ones in one transaction. The photos exist only in memory, here and in the worker thread that
// analyses them: they are never written to disk, the file store or the database.
import type { AuditEntry, AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import { AppError, type ErrorDetail } from '@campus/platform/errors';
import { FACE_CONSENT_TEXT } from '../consent-text.ts';
import { sniffImageFormat } from '../engine/decode-image.ts';
import type { FaceAnalysis } from '../engine/face-engine.ts';
import { isFaceError } from '../engine/face-error.ts';
import { type FaceQualityIssue, qualityIssues } from '../engine/face-quality.ts';
import type { FacePool } from '../engine/pool.ts';
import {
  deleteEmbeddings,
  FACE_EMBEDDING_MODEL,
  getLiveConsent,
  insertEmbeddings,
  lockLiveConsent,
} from '../face.repository.ts';
import type { Photo } from '../read-photos.ts';

const consentRefusal = (reason: 'consent_required' | 'consent_outdated') => {
  const message =
    reason === 'consent_required'
      ? 'Consent to face verification is needed before enrolling: read the consent text and agree to it first'
      : `The consent text has changed: read version ${FACE_CONSENT_TEXT.version} and consent to it before enrolling`;
  return new AppError('CONFLICT', message, { details: [{ message, reason }] });
};

const photoDetail = (photo: Photo, code: string, message: string, faces?: number): ErrorDetail => ({
  field: `photos[${photo.index}]`,
  message: `Photo ${photo.index + 1} (${photo.filename}): ${message}`,
  index: photo.index,
  filename: photo.filename,
  code,
  ...(faces === undefined ? {} : { faces }),
});

/** The refusal of a face below the quality gate: a code per reason, the first one leads. */
export const qualityRefusals: Record<FaceQualityIssue, { code: string; message: string }> = {
  face_too_small: { code: 'FACE_TOO_SMALL', message: 'the face is too small: come closer to the camera' },
  greyscale: { code: 'PHOTO_GREYSCALE', message: 'the photo has no colour: take a colour photo' },
  blurred: { code: 'PHOTO_BLURRED', message: 'the face is blurred: hold the phone still and focus on it' },
  dark: { code: 'PHOTO_TOO_DARK', message: 'the face is too dark: face a light' },
};

/** One photo at a time: a student's enrolment holds one analysis thread, never the whole pool. */
async function analyseAll(faces: FacePool, photos: Photo[]) {
  const accepted: FaceAnalysis[] = [];
  const refused: ErrorDetail[] = [];
  for (const photo of photos) {
    try {
      const analysis = await faces.analyse(photo.bytes);
      // An enrolled face is what every selfie is compared with: it must pass the quality gate.
      const issues = qualityIssues(analysis.quality, faces.quality);
      const [first] = issues;
      if (!first) {
        accepted.push(analysis);
        continue;
      }
      refused.push({
        ...photoDetail(
          photo,
          qualityRefusals[first].code,
          issues.map((issue) => qualityRefusals[issue].message).join('; '),
          1,
        ),
        reasons: issues.map((issue) => qualityRefusals[issue].code),
      });
    } catch (err) {
      if (!isFaceError(err)) throw err;
      refused.push(photoDetail(photo, err.code, err.message, err.faces));
    }
  }
  return { accepted, refused };
}

export async function enrolFace(
  deps: { db: Db; audit: AuditLog; clock: Clock; faces: FacePool },
  input: {
    userId: string;
    /** Read only once consent is known: a student without it is refused before any upload is read. */
    photos: () => Promise<Photo[]>;
    who: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
  },
): Promise<{ enrolled: number }> {
  const consent = await getLiveConsent(deps.db, input.userId);
  if (!consent) throw consentRefusal('consent_required');
  if (consent.textVersion !== FACE_CONSENT_TEXT.version) throw consentRefusal('consent_outdated');

  const photos = await input.photos();
  // Told from the bytes, before any thread loads a model for them; the name and declared type
  // are the client's word only.
  const notImages = photos
    .filter((p) => !sniffImageFormat(p.bytes))
    .map((p) => photoDetail(p, 'UNSUPPORTED_FORMAT', 'not a JPEG, PNG, WebP or AVIF image'));
  if (notImages.length > 0) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Every photo must be a JPEG, PNG, WebP or AVIF image', {
      details: notImages,
    });
  }
  const { accepted, refused } = await analyseAll(deps.faces, photos);
  if (refused.length > 0) {
    // A HEIC photo is an image the decoder cannot read: a format problem (415), like a non-image.
    const format = refused.some((d) => d.code === 'UNSUPPORTED_FORMAT');
    throw new AppError(
      format ? 'UNSUPPORTED_MEDIA_TYPE' : 'UNPROCESSABLE',
      refused.length === 1
        ? `${refused[0]?.message}. Nothing was stored`
        : `${refused.length} of the ${photos.length} photos cannot be used. Nothing was stored`,
      { details: refused },
    );
  }

  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    // The consent may have been withdrawn while the photos were analysed: locked and re-read.
    const live = await lockLiveConsent(tx, input.userId);
    if (live?.id !== consent.id) throw consentRefusal('consent_required');
    const replaced = await deleteEmbeddings(tx, input.userId);
    await insertEmbeddings(
      tx,
      { userId: input.userId, consentId: live.id, at },
      accepted.map((a) => ({
        embedding: a.embedding,
        detectionScore: a.score,
        faceSize: Math.min(a.box.width, a.box.height),
      })),
    );
    // Counts and the model only: no numbers of the face, no image, no file name.
    await deps.audit.record(tx, {
      ...input.who,
      action: 'face.enrolled',
      entity: 'face_consent',
      entityId: live.id,
      changes: { user_id: input.userId, photos: accepted.length, replaced, model: FACE_EMBEDDING_MODEL },
    });
    return { enrolled: accepted.length };
  });
}
