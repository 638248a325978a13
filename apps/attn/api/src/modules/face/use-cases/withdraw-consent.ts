// A student withdraws face consent: the consent is ended and every embedding of theirs deleted
// in one transaction, so no moment exists where a withdrawn student still has numbers stored.
// Withdrawing twice is no error: the answer is the same, nothing is left either way.
import type { AuditEntry, AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import { deleteEmbeddings, endConsent, lockLiveConsent } from '../face.repository.ts';

export async function withdrawConsent(
  deps: { db: Db; audit: AuditLog; clock: Clock },
  input: { userId: string; who: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'> },
): Promise<{ withdrawn: boolean; deleted: number }> {
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    // Locked first: an enrolment under way waits, then finds no live consent and stores nothing.
    const live = await lockLiveConsent(tx, input.userId);
    const deleted = await deleteEmbeddings(tx, input.userId);
    if (live) await endConsent(tx, live.id, at);
    if (live || deleted > 0) {
      await deps.audit.record(tx, {
        ...input.who,
        action: 'face.consent.withdrawn',
        entity: 'face_consent',
        entityId: live?.id ?? null,
        changes: { user_id: input.userId, embeddings_deleted: deleted },
      });
    }
    return { withdrawn: Boolean(live), deleted };
  });
}
