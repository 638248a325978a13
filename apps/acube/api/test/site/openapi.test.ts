// A-Cube's OpenAPI document stays a valid OpenAPI 3.1 document, and documents what the public
// pages call: the site settings, the places and image of an event, a registration's own view,
// the booking's consent fields and the repeat flag.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '@campus/platform/testing';
import { Validator } from '@seriousme/openapi-schema-validator';
import { acubeSpec } from '../../src/spec.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp(acubeSpec, { env: { DEMO_DATA: 'false' } });
});
after(() => t.close());

test('the document is valid OpenAPI 3.1 and names the public pages’ fields', async () => {
  const doc = (await t.app.inject({ url: '/openapi.json' })).json();
  const result = await new Validator().validate(doc);
  assert.ok(result.valid, JSON.stringify(result.errors));
  assert.equal(doc.openapi, '3.1.0');
  for (const path of [
    '/api/site',
    '/api/events/{id}/image',
    '/api/events/registrations/manage',
    '/api/admin/events/{id}/image',
  ]) {
    assert.ok(doc.paths[path], `${path} is documented`);
  }
  const text = JSON.stringify(doc);
  for (const field of [
    'places_left',
    'image_url',
    'health_consent',
    'privacy_notice_version',
    'quick_exit_url',
    'repeat',
  ]) {
    assert.ok(text.includes(`"${field}"`), field);
  }
});
