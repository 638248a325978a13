// Photos for the engine's tests. Labelled identities come from ../shared/fixtures/faces beside
// the repo (never committed); everything else is made from images that ship in npm packages.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp, { type Sharp } from 'sharp';

const require = createRequire(import.meta.url);
const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

export const fixturesDir = join(repoRoot, '..', 'shared', 'fixtures', 'faces');
export const fixturesMissing = existsSync(fixturesDir)
  ? false
  : `the labelled face photos are not at ${fixturesDir}: fixture tests skipped`;

/** face-api's demo photo of three people. */
export const groupSample = join(
  dirname(require.resolve('@vladmandic/face-api/dist/face-api.node-wasm.js')),
  '..',
  'demo',
  'sample1.jpg',
);

/** One person cut out of the group photo (the left face; at 1024 px wide it sits at 221,189). */
export function oneFace(): Sharp {
  return sharp(groupSample).resize({ width: 1024 }).extract({ left: 150, top: 110, width: 240, height: 290 });
}
