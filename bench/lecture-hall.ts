// npm run bench:hall: only the lecture hall of bench:checkin (the embedded default beside its
// same-run baseline), without PostgreSQL and Redis.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { burst } from './checkin/lecture-hall.ts';
import { BURST } from './checkin/settings.ts';

const work = await mkdtemp(join(tmpdir(), 'bench-hall-'));
try {
  console.log(`lecture hall on the embedded default (PGlite), ${BURST} students`);
  await burst(work, randomBytes(8).toString('hex'));
} finally {
  await rm(work, { recursive: true, force: true });
}
