// Who may call each A-Cube route: every route is listed here, and the guard must agree.
import { after, before, test } from 'node:test';
import { assertAccess } from '@campus/platform/testing/access.ts';
import { createTestApp, type TestApp } from '@campus/platform/testing/test-app.ts';
import { acubeSpec } from '../src/spec.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp(acubeSpec, { env: { DEMO_DATA: 'false' } });
});
after(() => t.close());

test('every A-Cube route declares the access this table gives it', async () => {
  await assertAccess({
    app: t.app,
    clock: t.clock,
    expected: {
      'GET /api/events': 'public',
      'GET /api/events/:id': 'public',
    },
    callers: {},
  });
});
