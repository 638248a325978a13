// The text a student agrees to before enrolling their face. Its version is stored with each
// consent, so we always know which words a student agreed to; a change of substance gets a new
// version, and new enrolments then need consent to it.

export interface ConsentText {
  version: string;
  text: string;
}

export const FACE_CONSENT_TEXT: ConsentText = {
  version: '2026-11-v1',
  text: [
    'Face verification for attendance',
    '',
    'What we store: from the one to three photos you upload, we compute a short list of numbers ' +
      'describing your face (an "embedding") and store only those numbers, with the date and ' +
      'which version of this text you agreed to. Your photos are analysed in memory and never ' +
      'saved. The numbers cannot be turned back into your photo.',
    '',
    'What for: only to check that the selfie you take when checking in to a session that ' +
      'requires one shows you. Sessions that do not require a selfie never use them. When a ' +
      'selfie does not clearly match, your teacher looks at it and decides.',
    '',
    'How long: until you withdraw this consent or your account ends, whichever comes first.',
    '',
    'How to withdraw: at any time, in the app ("Withdraw face consent"). Your stored numbers ' +
      'are deleted at once.',
    '',
    'Consenting is your choice. Without it, a session that requires a selfie cannot check you ' +
      'automatically, and your teacher can still record your attendance by hand. You can ' +
      'consent and enrol again later.',
  ].join('\n'),
};
