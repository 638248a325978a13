// Chromium's fake camera for the selfie tests: a Y4M video (YUV 4:2:0, the format Chromium's
// `--use-file-for-fake-video-capture` reads) made in code from a face photo, decoded with sharp
// (already a dependency), written to a temporary directory at test time and never committed.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

/** One still frame of `photo`, `width` × `height` (even numbers), as Y4M bytes. */
export async function y4mOf(photo: string, width = 480, height = 640, frames = 2): Promise<Buffer> {
  const { data } = await sharp(photo)
    .resize({ width, height, fit: 'cover' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const y = Buffer.alloc(width * height);
  const cw = width / 2;
  const u = Buffer.alloc(cw * (height / 2));
  const v = Buffer.alloc(cw * (height / 2));
  const clamp = (n: number) => Math.max(0, Math.min(255, Math.round(n)));
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const i = (row * width + col) * 3;
      const r = data[i] ?? 0;
      const g = data[i + 1] ?? 0;
      const b = data[i + 2] ?? 0;
      y[row * width + col] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
    }
  }
  // Chroma: each 2 × 2 block's average (full-range BT.601, as JPEG).
  for (let row = 0; row < height / 2; row++) {
    for (let col = 0; col < cw; col++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dy, dx] of [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ] as const) {
        const i = ((row * 2 + dy) * width + col * 2 + dx) * 3;
        r += data[i] ?? 0;
        g += data[i + 1] ?? 0;
        b += data[i + 2] ?? 0;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      u[row * cw + col] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
      v[row * cw + col] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, u, v]);
  return Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]);
}

/**
 * A temporary Y4M of `photo` and the Chromium switches that make it the camera; `remove()` after.
 * Not `--use-fake-ui-for-media-stream`: it answers every camera prompt "allow", so no test could
 * deny the camera. Headless Chromium denies a prompt nobody answers; a test that lets the page
 * have the camera grants it to its browser context (`context.grantPermissions(['camera'])`).
 */
export async function fakeCamera(photo: string) {
  const dir = await mkdtemp(join(tmpdir(), 'attn-camera-'));
  const file = join(dir, 'face.y4m');
  await writeFile(file, await y4mOf(photo));
  return {
    file,
    args: ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`],
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
