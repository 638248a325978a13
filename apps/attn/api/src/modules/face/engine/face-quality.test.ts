import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp, { type Sharp } from 'sharp';
import { faceQualityDefaults, measureFaceQuality, measurePixels, qualityIssues } from './face-quality.ts';

/** width x height RGB pixels from a function of (x, y). */
function pixels(width: number, height: number, at: (x: number, y: number) => [number, number, number]) {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(at(x, y), 3 * (y * width + x));
  return data;
}

test('colour is the mean chroma in percent: grey 0, pure red 100', () => {
  assert.equal(
    measurePixels(
      pixels(8, 8, () => [90, 90, 90]),
      8,
      8,
    ).colour,
    0,
  );
  assert.equal(
    measurePixels(
      pixels(8, 8, () => [255, 0, 0]),
      8,
      8,
    ).colour,
    100,
  );
  assert.equal(
    measurePixels(
      pixels(8, 8, () => [150, 100, 100]),
      8,
      8,
    ).colour,
    19.61,
  );
});

test('brightness is the mean luma; a flat image has no sharpness, a checkerboard a lot', () => {
  const flat = measurePixels(
    pixels(10, 10, () => [200, 200, 200]),
    10,
    10,
  );
  assert.equal(flat.brightness, 200);
  assert.equal(flat.sharpness, 0);
  const board = measurePixels(
    pixels(10, 10, (x, y) => ((x + y) % 2 ? [255, 255, 255] : [0, 0, 0])),
    10,
    10,
  );
  assert.equal(board.brightness, 127.5);
  // The Laplacian is +-1020 everywhere inside: variance 1020^2.
  assert.equal(board.sharpness, 1_040_400);
  assert.throws(() => measurePixels(new Uint8Array(5), 2, 2), /Expected 12/);
});

test('on a real image, a blurred, grey or dark copy of the face loses what was degraded, and only that', async () => {
  // Stripes of colour and edges: something like a face's texture.
  const width = 256;
  const height = 256;
  const image = pixels(width, height, (x, y) =>
    (Math.floor(x / 6) + Math.floor(y / 9)) % 2 ? [200, 150, 120] : [120, 80, 60],
  );
  const box = { x: 40, y: 40, width: 160, height: 180 };
  const raw = { raw: { width, height, channels: 3 as const } };
  const copy = async (edit: (s: Sharp) => Sharp) => ({
    // Through a PNG and decoded as the engine decodes (a grey PNG comes back as three channels).
    data: await sharp(await edit(sharp(image, raw)).png().toBuffer())
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer(),
    width,
    height,
  });
  const sharpOne = await measureFaceQuality({ data: image, width, height }, box);
  assert.equal(sharpOne.size, 160);
  assert.deepEqual(qualityIssues(sharpOne), []);
  const blurred = await measureFaceQuality(await copy((s) => s.blur(6)), box);
  assert.deepEqual(qualityIssues(blurred), ['blurred']);
  const grey = await measureFaceQuality(await copy((s) => s.greyscale()), box);
  assert.equal(grey.colour, 0);
  assert.deepEqual(qualityIssues(grey), ['greyscale']);
  const dark = await measureFaceQuality(await copy((s) => s.linear(0.3, 0)), box);
  assert.ok(qualityIssues(dark).includes('dark'), JSON.stringify(dark));
  const small = await measureFaceQuality(
    { data: image, width, height },
    { x: 0, y: 0, width: 60, height: 80 },
  );
  assert.deepEqual(qualityIssues(small), ['face_too_small']);
});

test('each threshold is a lower bound, met at equality, and the reasons keep a fixed order', () => {
  const t = faceQualityDefaults;
  const at = { size: t.minSize, colour: t.minColour, sharpness: t.minSharpness, brightness: t.minBrightness };
  assert.deepEqual(qualityIssues(at), []);
  assert.deepEqual(qualityIssues({ size: 10, colour: 0, sharpness: 0, brightness: 0 }), [
    'face_too_small',
    'greyscale',
    'blurred',
    'dark',
  ]);
  assert.deepEqual(qualityIssues(at, { ...t, minBrightness: 200 }), ['dark']);
});
