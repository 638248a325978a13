// The auth sweep helper: one queue and its schedule under the name given; a run deletes through
// the app's function and logs how many went.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { QueueDefinition } from '../jobs/queue.ts';
import { scheduleAuthSweep } from './sweep-queue.ts';

test('the sweep is defined and scheduled under its name; a run deletes and logs the count', async () => {
  const defined: QueueDefinition[] = [];
  const scheduled: [string, string][] = [];
  const logged: [object, string][] = [];
  scheduleAuthSweep(
    { define: (q) => void defined.push(q), schedule: (name, cron) => void scheduled.push([name, cron]) },
    {
      name: 'auth-sweep',
      cron: '17 * * * *',
      deleteExpired: async () => 3,
      logger: { info: (fields, msg) => void logged.push([fields, msg]) },
      what: 'expired refresh tokens',
    },
  );
  assert.deepEqual(
    defined.map((q) => q.name),
    ['auth-sweep'],
  );
  assert.deepEqual(scheduled, [['auth-sweep', '17 * * * *']]);
  await defined[0]?.handler({} as never);
  assert.deepEqual(logged, [[{ event: 'auth.swept', deleted: 3 }, 'expired refresh tokens deleted']]);
});
