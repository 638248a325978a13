// Face consent and enrolment as the student's screen sees them. No ids anywhere: every route
// acts on the caller's own consent and embeddings, so no student can name another's.
import { type Static, Type } from 'typebox';

/** Per photo, at most: a phone's full-resolution JPEG fits well within it. */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
export const MAX_PHOTOS = 3;

export const Consent = Type.Object({
  text_version: Type.String(),
  consented_at: Type.String({ format: 'date-time' }),
});

export const FaceStatusResponse = Type.Object({
  consent: Type.Union([Consent, Type.Null()], { description: 'The live consent; null when none' }),
  enrolled: Type.Integer({ description: 'Embeddings stored under the live consent (0 to 3)' }),
  consent_text: Type.Object({
    version: Type.String(),
    text: Type.String({ description: 'What the student agrees to: show it in full before consent' }),
    texts: Type.Object(
      { en: Type.String(), tr: Type.String() },
      { description: 'The same text (same version) in each language of the app' },
    ),
  }),
});
export type FaceStatusResponse = Static<typeof FaceStatusResponse>;

export const ConsentBody = Type.Object(
  {
    text_version: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'The version of the consent text the student was shown (consent_text.version)',
    }),
  },
  { additionalProperties: false },
);
export type ConsentBody = Static<typeof ConsentBody>;

export const EnrolmentResponse = Type.Object({
  enrolled: Type.Integer({ description: 'Embeddings now stored: one a photo' }),
});
