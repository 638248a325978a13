// The pages that mails link to with a token in their address (/booking, /registration) are
// private by construction: never stored, no referrer, not indexed; the other pages are served
// as usual. A-Cube's own web build may not exist here, so the platform's fixture build stands in.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestApp, type TestApp } from '@campus/platform/testing';
import { acubeSpec } from '../../src/spec.ts';

const fixture = fileURLToPath(
  new URL('../../../../../packages/platform/test/http/fixtures/built-site', import.meta.url),
);

let t: TestApp;
before(async () => {
  assert.deepEqual(acubeSpec.web?.privatePaths, ['/booking', '/registration']);
  t = await createTestApp(
    { ...acubeSpec, web: { ...acubeSpec.web, root: fixture } },
    { env: { DEMO_DATA: 'false', ROLE: 'api' } },
  );
});
after(() => t.close());

const PRIVATE = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex',
};
const privateOf = (headers: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(PRIVATE).map((name) => [name, headers[name]]));

test('the manage pages, with or without their token, are the UI with the three private headers', async () => {
  for (const url of [
    '/booking?token=abcdefghijklmnopqrstuvwxyz',
    '/registration?token=x',
    '/booking',
    '/registration/',
  ]) {
    const res = await t.app.inject({ url });
    assert.equal(res.statusCode, 200, url);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.deepEqual(privateOf(res.headers), PRIVATE, url);
  }
});

test('the other public pages are revalidated as usual and not marked noindex', async () => {
  for (const url of ['/', '/events', '/bookings-info', '/registrations']) {
    const res = await t.app.inject({ url });
    assert.equal(res.statusCode, 200, url);
    assert.equal(res.headers['cache-control'], 'no-cache', url);
    assert.equal(res.headers['x-robots-tag'], undefined, url);
  }
});
