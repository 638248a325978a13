// What a contact message stores and when two messages count as the same.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dedupeKey } from '../../submissions/index.ts';
import { messageFromBody } from './submit-message.ts';

const body = { name: ' Carl ', email: ' Carl@Example.org', subject: 'Help ', message: ' Please call ' };
const key = (b: typeof body) => dedupeKey(...messageFromBody(b).sameIf);

test('a message is stored trimmed, with the address in lower case', () => {
  assert.deepEqual(messageFromBody(body).values, {
    name: 'Carl',
    email: 'carl@example.org',
    subject: 'Help',
    message: 'Please call',
  });
});

test('the same message with other outer spacing is a repeat; another subject is not', () => {
  assert.equal(key(body), dedupeKey('carl@example.org', 'Carl', 'Carl@Example.org', 'Help', 'Please call'));
  assert.equal(
    key({ name: 'Carl', email: 'Carl@Example.org ', subject: 'Help', message: 'Please call' }),
    key(body),
  );
  assert.notEqual(key({ ...body, subject: 'Other' }), key(body));
});
