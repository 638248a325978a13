// A student consents to face verification under the current consent text. Consent to an
// outdated text is refused with the current version, so the screen shows the new words first.
// Idempotent while a consent to the current text is live; a live consent to an older text is
// ended and replaced (the history keeps both), and the embeddings move under the new one.
import type { AuditEntry, AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import { AppError } from '@campus/platform/errors';
import { type ConsentText, FACE_CONSENT_TEXT } from '../consent-text.ts';
import {
  type ConsentRow,
  endConsent,
  getLiveConsent,
  insertConsent,
  lockLiveConsent,
  moveEmbeddings,
} from '../face.repository.ts';

type Who = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;

export const outdatedText = (current: ConsentText) => {
  const message = `The consent text has changed: read version ${current.version} and consent to it`;
  return new AppError('CONFLICT', message, {
    details: [
      {
        field: 'body.text_version',
        message,
        reason: 'consent_text_outdated',
        current_version: current.version,
      },
    ],
  });
};

export async function giveConsent(
  deps: { db: Db; audit: AuditLog; clock: Clock; text?: ConsentText },
  input: { userId: string; textVersion: string; who: Who },
): Promise<{ consent: ConsentRow; created: boolean }> {
  const text = deps.text ?? FACE_CONSENT_TEXT;
  if (input.textVersion !== text.version) throw outdatedText(text);
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const live = await lockLiveConsent(tx, input.userId);
    if (live?.textVersion === text.version) return { consent: live, created: false };
    if (live) await endConsent(tx, live.id, at);
    const consent = await insertConsent(tx, { userId: input.userId, textVersion: text.version, at });
    if (!consent) {
      // A simultaneous request of the same student committed its consent first: that one stands.
      const winner = await getLiveConsent(tx, input.userId);
      if (!winner) throw new Error('consent neither inserted nor found');
      return { consent: winner, created: false };
    }
    const moved = live ? await moveEmbeddings(tx, input.userId, consent.id) : 0;
    await deps.audit.record(tx, {
      ...input.who,
      action: live ? 'face.consent.renewed' : 'face.consent.given',
      entity: 'face_consent',
      entityId: consent.id,
      changes: {
        user_id: input.userId,
        text_version: text.version,
        ...(live ? { previous_consent_id: live.id, previous_text_version: live.textVersion, moved } : {}),
      },
    });
    return { consent, created: true };
  });
}
