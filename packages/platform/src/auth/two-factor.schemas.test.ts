import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from 'typebox';
import Value from 'typebox/value';
import { loginAnswers } from './two-factor.schemas.ts';

test("an app's login answers: its session or the challenge; the enrolment answers the session and the codes", () => {
  const { LoginAnswer, EnrolledLogin } = loginAnswers(Type.Object({ token: Type.String() }));
  assert.equal(Value.Check(LoginAnswer, { token: 't' }), true);
  assert.equal(
    Value.Check(LoginAnswer, { second_factor: 'code', pending_token: 'p', expires_in: 300 }),
    true,
  );
  assert.equal(
    Value.Check(LoginAnswer, { second_factor: 'sms', pending_token: 'p', expires_in: 300 }),
    false,
  );
  assert.equal(Value.Check(EnrolledLogin, { token: 't', recovery_codes: ['a'] }), true);
  assert.equal(Value.Check(EnrolledLogin, { recovery_codes: ['a'] }), false);
  assert.equal(Value.Check(EnrolledLogin, { token: 't' }), false);
});
