// A selfie judged against the student's enrolled face: analysed in the face pool, compared with
// the descriptors enrolled under a live consent, and turned into a verdict (./verdict.ts). A
// student with no enrolment (never enrolled, or consent withdrawn after checking in) gets no
// analysis at all: undecided, the selfie not kept. A photo the engine refuses is a verdict too;
// anything else that fails (the store, a thread) throws, for the caller to retry.
import type { Db } from '@campus/platform/db';
import { isFaceError } from '../engine/face-error.ts';
import type { FacePool } from '../engine/pool.ts';
import { getEnrolledEmbeddings } from '../face.repository.ts';
import { undecided, type Verdict, verdictOfAnalysis, verdictOfRefusal } from './verdict.ts';

export async function judgeSelfie(
  ctx: { db: () => Db; faces: FacePool },
  input: {
    studentId: string;
    /** The selfie's bytes; null when the check-in has none. Read only for an enrolled student. */
    readSelfie(): Promise<Buffer | null>;
  },
): Promise<Verdict> {
  const enrolled = await getEnrolledEmbeddings(ctx.db(), input.studentId);
  if (enrolled.length === 0) return undecided(false);
  const bytes = await input.readSelfie();
  if (!bytes) return undecided(false);
  try {
    return verdictOfAnalysis(enrolled, await ctx.faces.analyse(bytes), undefined, ctx.faces.quality);
  } catch (err) {
    // A refused photo is a verdict, not a failure: it is not retried.
    if (isFaceError(err)) return verdictOfRefusal(err);
    throw err;
  }
}
