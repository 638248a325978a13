import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jobTotals } from './dashboard-rules.ts';

const queue = (name: string, active: number, failed: number, dead: number) => ({
  name,
  queued: 0,
  active,
  failed,
  dead,
  total: active + failed,
});

test('running jobs add up across queues, and failed ones count the dead-lettered too', () => {
  assert.deepEqual(jobTotals([queue('mail', 2, 1, 3), queue('bulk', 1, 0, 0)]), {
    jobs_running: 3,
    jobs_failed: 4,
  });
  assert.deepEqual(jobTotals([]), { jobs_running: 0, jobs_failed: 0 });
});
