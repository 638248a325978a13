// GET /api/site: the public pages' settings, from A-Cube's configuration, with the defaults a
// first start gets; a wrong zone or exit address stops the start with a message naming it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ConfigError } from '@campus/platform/config';
import { loadAcubeConfig } from '../../src/config.ts';
import { type AcubeTest, startAcube } from '../helpers.ts';

describe('the site settings with the defaults', () => {
  let t: AcubeTest;
  before(async () => {
    t = await startAcube();
  });
  after(() => t.close());

  test('answer the time zone, urgent help, quick exit, notice version and session types', async () => {
    const res = await t.app.inject({ url: '/api/site', remoteAddress: '10.9.0.1' });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), [
      'privacy_notice_version',
      'quick_exit_url',
      'session_types',
      'time_zone',
      'urgent_help',
    ]);
    assert.equal(body.time_zone, 'Europe/Istanbul');
    assert.match(body.urgent_help, /112/);
    assert.equal(body.quick_exit_url, 'https://www.bbc.co.uk/weather');
    assert.equal(body.privacy_notice_version, '2026-11');
    assert.deepEqual(body.session_types, ['individual', 'couple', 'family', 'group']);
    assert.ok(res.headers['x-ratelimit-limit'], 'under the public rate policy');
  });
});

test('the settings come from the environment', async () => {
  const t = await startAcube({
    TIME_ZONE: 'europe/london',
    URGENT_HELP_TEXT: 'Call 999 now if you are in danger.',
    QUICK_EXIT_URL: 'https://example.org/news',
    PRIVACY_NOTICE_VERSION: '2027-01',
  });
  try {
    const body = (await t.app.inject({ url: '/api/site', remoteAddress: '10.9.0.2' })).json();
    assert.equal(body.time_zone, 'Europe/London', 'in its canonical spelling');
    assert.equal(body.urgent_help, 'Call 999 now if you are in danger.');
    assert.equal(body.quick_exit_url, 'https://example.org/news');
    assert.equal(body.privacy_notice_version, '2027-01');
  } finally {
    await t.close();
  }
});

test('a wrong time zone or exit address stops the start, naming each variable', () => {
  assert.throws(
    () =>
      loadAcubeConfig({
        NODE_ENV: 'test',
        TIME_ZONE: 'Mars/Olympus',
        QUICK_EXIT_URL: 'javascript:alert(1)',
        PRIVACY_NOTICE_VERSION: 'a b',
      }),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      assert.deepEqual(err.problems.map((p) => p.variable).sort(), [
        'PRIVACY_NOTICE_VERSION',
        'QUICK_EXIT_URL',
        'TIME_ZONE',
      ]);
      return true;
    },
  );
  assert.throws(() => loadAcubeConfig({ NODE_ENV: 'test', TIME_ZONE: 'EST' }), ConfigError);
});
