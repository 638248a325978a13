// The login's answers with two-factor: the session's answer, or the platform's challenge for a
// second step; the enrolment at login answers the session with the recovery codes. The other
// two-factor requests and answers are the platform's, re-exported for the routes.
import { RecoveryCodes, SecondFactorChallenge } from '@campus/platform/auth';
import { type Static, Type } from 'typebox';
import { Me } from './auth.schemas.ts';

export {
  CodeBody,
  DisableBody,
  Enrolment,
  PendingBody,
  RecoveryCodes,
  Requirement,
  RequirementBody,
  SecondFactorBody,
  SecondFactorChallenge,
  TwoFactorStatus,
  toEnrolment,
} from '@campus/platform/auth';

export const LoginAnswer = Type.Union([Me, SecondFactorChallenge]);
export type LoginAnswer = Static<typeof LoginAnswer>;

export const EnrolledLogin = Type.Object({ ...Me.properties, ...RecoveryCodes.properties });
export type EnrolledLogin = Static<typeof EnrolledLogin>;
