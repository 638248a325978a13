// What a volunteer application stores and when two applications count as the same.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dedupeKey } from '../../submissions/index.ts';
import { applicationFromBody } from './submit-application.ts';

const body = {
  name: ' Vera ',
  email: ' Vera@Example.org ',
  phone: '',
  availability: 'weekends ',
  message: ' I can help ',
};

test('an application is stored trimmed, with the address in lower case', () => {
  assert.deepEqual(applicationFromBody(body).values, {
    name: 'Vera',
    email: 'vera@example.org',
    phone: '',
    availability: 'weekends',
    message: 'I can help',
  });
});

test('the same application with other outer spacing is a repeat; other availability is not', () => {
  const key = (b: typeof body) => dedupeKey(...applicationFromBody(b).sameIf);
  const tidy = {
    name: 'Vera',
    email: 'Vera@Example.org',
    phone: '',
    availability: 'weekends',
    message: 'I can help',
  };
  assert.equal(
    key(body),
    dedupeKey('vera@example.org', 'Vera', 'Vera@Example.org', '', 'weekends', 'I can help'),
  );
  assert.equal(key(tidy), key(body));
  assert.notEqual(key({ ...body, availability: 'evenings' }), key(body));
});
