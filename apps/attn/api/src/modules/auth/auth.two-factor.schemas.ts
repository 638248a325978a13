// ATTN's login answers with two-factor: the session's answer, or the platform's challenge for
// a second step; the enrolment at login answers the session with the recovery codes. The other
// two-factor requests and answers are the platform's (@campus/platform/auth).
import { loginAnswers } from '@campus/platform/auth';
import type { Static } from 'typebox';
import { Me } from './auth.schemas.ts';

export const { LoginAnswer, EnrolledLogin } = loginAnswers(Me);
export type LoginAnswer = Static<typeof LoginAnswer>;
export type EnrolledLogin = Static<typeof EnrolledLogin>;
