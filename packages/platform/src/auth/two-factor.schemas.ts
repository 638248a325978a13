// Two-factor requests and answers both apps share: the login's second step, enrolment (the secret as text and as
// a QR code of its otpauth:// URI), recovery codes (shown once), disabling, the requirement.
// Each app composes its own login answer from these and its session's answer.
import { type Static, type TObject, type TProperties, Type } from 'typebox';
import { MAX_PASSWORD_LENGTH } from './passwords.ts';

/** The password step's answer when a second factor is needed. */
export const SecondFactorChallenge = Type.Object({
  second_factor: Type.Union([Type.Literal('code'), Type.Literal('enrol')], {
    description:
      "'code': send a code from the app or a recovery code; 'enrol': 2FA is required, set it up now",
  }),
  pending_token: Type.String({ description: 'Short-lived; carries this login to its next step' }),
  expires_in: Type.Integer({ description: 'seconds' }),
});
export type SecondFactorChallenge = Static<typeof SecondFactorChallenge>;

const PendingToken = Type.String({ minLength: 20, maxLength: 2000 });
/** Six digits from the authenticator app, or a recovery code (xxxxx-xxxxx). */
const Code = Type.String({ minLength: 6, maxLength: 20, pattern: '^[A-Za-z0-9 -]+$' });

export const PendingBody = Type.Object({ pending_token: PendingToken });
export const SecondFactorBody = Type.Object({ pending_token: PendingToken, code: Code });
export const CodeBody = Type.Object({ code: Code });

export const Enrolment = Type.Object({
  secret: Type.String({ description: 'Base32, to type into an authenticator app' }),
  otpauth_url: Type.String(),
  qr_svg: Type.String({ description: 'The otpauth:// URL as a QR code (SVG)' }),
});
export const RecoveryCodes = Type.Object({
  recovery_codes: Type.Array(Type.String(), { description: 'Each works once; shown only now' }),
});

export const TwoFactorStatus = Type.Object({
  enabled: Type.Boolean(),
  required: Type.Boolean({ description: 'Two-factor is required for every account of these roles' }),
  recovery_codes_left: Type.Integer(),
});
export type TwoFactorStatus = Static<typeof TwoFactorStatus>;

export const DisableBody = Type.Object(
  {
    code: Type.Optional(Code),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH })),
  },
  { minProperties: 1, description: 'A current code (or recovery code) or the password' },
);
export type DisableBody = Static<typeof DisableBody>;

export const RequirementBody = Type.Object({ required: Type.Boolean() });
export const Requirement = Type.Object({ required: Type.Boolean() });

export const toEnrolment = (e: { secret: string; uri: string; qrSvg: string }) => ({
  secret: e.secret,
  otpauth_url: e.uri,
  qr_svg: e.qrSvg,
});

/**
 * An app's login answers with two-factor, from its session's answer: the password step answers
 * the session or the challenge; the enrolment at login answers the session and the recovery codes.
 */
export function loginAnswers<Session extends TProperties>(session: TObject<Session>) {
  return {
    LoginAnswer: Type.Union([session, SecondFactorChallenge]),
    EnrolledLogin: Type.Object<Session & typeof RecoveryCodes.properties>({
      ...session.properties,
      ...RecoveryCodes.properties,
    }),
  };
}
