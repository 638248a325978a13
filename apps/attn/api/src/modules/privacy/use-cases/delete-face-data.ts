// Deleting a student's face data, on request (an admin, for the student) or by the retention
// schedule: the consent is withdrawn and the embeddings deleted in one transaction (the face
// module's withdrawal, the one way face data ends, which audits it), then the selfies kept for
// review go. The consent history stays: it records that and when the student agreed and
// withdrew, the proof that the processing was lawful, and holds nothing biometric.
import { withdrawConsent } from '../../face/index.ts';
import type { Actor, PrivacyContext } from '../privacy.context.ts';
import type { FaceDeletion } from '../privacy.schemas.ts';

export async function deleteFaceData(
  ctx: Pick<PrivacyContext, 'db' | 'audit' | 'clock' | 'files' | 'attendance'>,
  input: { studentId: string; who: Actor },
): Promise<FaceDeletion> {
  const withdrawn = await withdrawConsent(
    { db: ctx.db(), audit: ctx.audit, clock: ctx.clock },
    { userId: input.studentId, who: input.who },
  );
  const selfies = await ctx.attendance.deleteKeptSelfies(ctx.files, input.studentId);
  return {
    consent_withdrawn: withdrawn.withdrawn,
    embeddings_deleted: withdrawn.deleted,
    selfies_deleted: selfies,
  };
}

/** The admin's request: deleted, and the request itself audited with its counts. */
export async function deleteFaceDataOnRequest(
  ctx: PrivacyContext,
  input: { studentId: string; who: Actor },
): Promise<FaceDeletion> {
  const result = await deleteFaceData(ctx, input);
  await ctx.audit.record(ctx.db(), {
    ...input.who,
    action: 'privacy.face_data.deleted',
    entity: 'user',
    entityId: input.studentId,
    changes: { ...result },
  });
  return result;
}
