// bench/face: the face engine as the check-in job runs it, one worker thread: model load time
// (file check, models, warm-up), time per selfie (median of 20), where that time goes, and the
// process's peak RSS. Reported, not asserted: the target is a median of at most 300 ms.
//   npm run bench:face
// The selfie is a labelled fixture when ../shared/fixtures/faces is there, else a face cut from
// face-api's demo photo.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { decodeImage } from '../apps/attn/api/src/modules/face/engine/decode-image.ts';
import { detectFaces } from '../apps/attn/api/src/modules/face/engine/face-detector.ts';
import { loadFaceModels } from '../apps/attn/api/src/modules/face/engine/models.ts';
import { FacePool } from '../apps/attn/api/src/modules/face/engine/pool.ts';
import { median } from './stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const fixture = fileURLToPath(new URL('../../shared/fixtures/faces/person-a-1.jpg', import.meta.url));
const sample = join(
  fileURLToPath(new URL('../node_modules/@vladmandic/face-api/demo/', import.meta.url)),
  'sample1.jpg',
);

async function selfie(): Promise<{ name: string; bytes: Buffer }> {
  if (existsSync(fixture)) return { name: 'fixture person-a-1.jpg', bytes: await readFile(fixture) };
  const bytes = await sharp(sample)
    .resize({ width: 1024 })
    .extract({ left: 150, top: 110, width: 240, height: 290 })
    .jpeg()
    .toBuffer();
  return { name: "a face cut from face-api's sample1.jpg", bytes };
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const ms = (value: number) => `${value.toFixed(0)} ms`;

const photo = await selfie();
console.log(`face engine bench: ${photo.name}, ${RUNS} runs, one worker thread`);
console.log(`  machine: ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(2)} at start`);

const pool = new FacePool({ size: 1 });
let started = performance.now();
await pool.analyse(photo.bytes);
const firstMs = performance.now() - started;
const loadMs = pool.stats().loadMs ?? 0;
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  started = performance.now();
  await pool.analyse(photo.bytes);
  times.push(performance.now() - started);
}
await pool.close();
const sorted = [...times].sort((a, b) => a - b);
console.log(`  model load (in the thread)  ${ms(loadMs)}   first selfie, load included: ${ms(firstMs)}`);
console.log(
  `  per selfie                  median ${ms(median(times))}   min ${ms(sorted[0] ?? 0)}   max ${ms(sorted.at(-1) ?? 0)}`,
);
console.log(`  peak RSS (process)          ${peakRssMb().toFixed(0)} MB`);

// Where the time goes: the same steps on this thread, each timed alone.
const { tf, faceapi, detector } = await loadFaceModels();
const steps: Record<string, number[]> = { decode: [], detect: [], 'landmarks + descriptor': [] };
for (let i = 0; i < Math.min(RUNS, 10); i++) {
  let t = performance.now();
  const image = await decodeImage(photo.bytes);
  steps.decode?.push(performance.now() - t);
  const input = tf.tensor3d(new Int32Array(image.data), [image.height, image.width, 3], 'int32');
  t = performance.now();
  const [detection] = await detectFaces(tf, detector, input, 0.5);
  steps.detect?.push(performance.now() - t);
  if (detection) {
    t = performance.now();
    const { x, y, width, height } = detection.box;
    const relative = new faceapi.Rect(
      x / image.width,
      y / image.height,
      width / image.width,
      height / image.height,
    );
    const found = faceapi.extendWithFaceDetection(
      {},
      new faceapi.FaceDetection(detection.score, relative, image),
    );
    await new faceapi.DetectSingleFaceLandmarksTask(Promise.resolve(found), input, false)
      .withFaceDescriptor()
      .run();
    steps['landmarks + descriptor']?.push(performance.now() - t);
  }
  input.dispose();
}
console.log('  where the time goes (median, this thread):');
for (const [step, values] of Object.entries(steps))
  console.log(`    ${step.padEnd(24)} ${ms(median(values))}`);
console.log(`  load average ${loadavg()[0]?.toFixed(2)} at the end`);
