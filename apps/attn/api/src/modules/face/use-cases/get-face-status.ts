// What the student's face screen shows: their live consent, how many embeddings they have, and
// the consent text to show before they agree.
import type { Db } from '@campus/platform/db';
import { FACE_CONSENT_TEXT } from '../consent-text.ts';
import { countEmbeddings, getLiveConsent } from '../face.repository.ts';
import type { FaceStatusResponse } from '../face.schemas.ts';

export async function getFaceStatus(db: Db, userId: string): Promise<FaceStatusResponse> {
  const consent = await getLiveConsent(db, userId);
  return {
    consent: consent
      ? { text_version: consent.textVersion, consented_at: consent.consentedAt.toISOString() }
      : null,
    enrolled: consent ? await countEmbeddings(db, userId) : 0,
    consent_text: {
      version: FACE_CONSENT_TEXT.version,
      text: FACE_CONSENT_TEXT.text,
      texts: FACE_CONSENT_TEXT.texts,
    },
  };
}
