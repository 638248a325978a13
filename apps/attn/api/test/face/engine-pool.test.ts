// The face engine in worker threads, as the check-in job will use it, and from the command line.
// One pool of one thread for the file: the model loads once, in that thread.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { FaceError } from '../../src/modules/face/engine/face-error.ts';
import { FacePool } from '../../src/modules/face/engine/pool.ts';
import { groupSample, oneFace } from './sample-images.ts';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

let pool: FacePool;
let face: Buffer;
before(async () => {
  pool = new FacePool({ size: 1 });
  face = await oneFace().jpeg().toBuffer();
});
after(() => pool.close());

test('the pool starts no thread before the first photo, then one that keeps its loaded model', async () => {
  assert.deepEqual(pool.stats(), { threads: 0, loaded: 0, busy: 0, queued: 0, size: 1, loadMs: null });
  const result = await pool.analyse(face);
  assert.equal(result.faces, 1);
  assert.equal(result.embedding.length, 128);
  const stats = pool.stats();
  assert.deepEqual(
    { ...stats, loadMs: null },
    { threads: 1, loaded: 1, busy: 0, queued: 0, size: 1, loadMs: null },
  );
  assert.ok((stats.loadMs ?? 0) > 0);
  // The caller's bytes are not handed over to the thread: still readable.
  assert.equal(face[0], 0xff);
});

test('photos beyond the threads wait their turn, and a refusal comes back as a FaceError', async () => {
  const png = await oneFace().png().toBuffer();
  const pending = [pool.analyse(face), pool.analyse(png), pool.analyse(Buffer.from('no image here'))];
  assert.equal(pool.stats().queued, 2);
  assert.equal(pool.stats().busy, 1);
  const [first, second, third] = await Promise.allSettled(pending);
  assert.equal(first?.status, 'fulfilled');
  assert.equal(second?.status, 'fulfilled');
  assert.equal(third?.status, 'rejected');
  const reason = (third as PromiseRejectedResult).reason;
  assert.ok(reason instanceof FaceError);
  assert.equal(reason.code, 'UNSUPPORTED_FORMAT');
  assert.equal(pool.stats().threads, 1);
});

test('face-compare prints one JSON object and opens no database', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'face-compare-'));
  try {
    const enrolled = join(dir, 'enrolled.png');
    await writeFile(enrolled, await oneFace().png().toBuffer());
    const selfie = join(dir, 'selfie.jpg');
    await writeFile(selfie, face);
    const dataDir = join(dir, 'data');
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
    const { stdout } = await run(process.execPath, [cli, 'face-compare', enrolled, selfie], { env });
    const lines = stdout.trim().split('\n');
    assert.equal(lines.length, 1, stdout);
    const printed = JSON.parse(lines[0] as string);
    assert.deepEqual(Object.keys(printed), [
      'faces',
      'similarity',
      'spoof',
      'liveness',
      'quality',
      'quality_issues',
      'enrolled_quality_issues',
      'decision',
    ]);
    assert.deepEqual(Object.keys(printed.quality), ['size', 'colour', 'sharpness', 'brightness']);
    assert.deepEqual(printed.quality_issues, []);
    assert.equal(printed.faces, 1);
    assert.equal(printed.decision, 'verified');
    const refused = await run(process.execPath, [cli, 'face-compare', enrolled, groupSample], { env }).then(
      () => assert.fail('a group selfie was accepted'),
      (err: { code: number; stdout: string }) => err,
    );
    assert.equal(refused.code, 1);
    const error = JSON.parse(refused.stdout);
    assert.equal(error.faces, 3);
    assert.equal(error.error.code, 'MULTIPLE_FACES');
    assert.equal(existsSync(dataDir), false, 'the command created the data dir');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
