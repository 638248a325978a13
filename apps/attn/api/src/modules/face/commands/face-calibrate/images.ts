// The images face-calibrate makes from a photo with sharp: a tight grey crop of the face and the
// degraded copies (small, grey, blurred, dark) that the quality gate is measured with.
import sharp from 'sharp';
import { MAX_SIDE } from '../../engine/decode-image.ts';
import type { FaceAnalysis } from '../../engine/face-engine.ts';

/** The photo as the engine sees it (rotated, at most 1024 px), so that boxes are in its pixels. */
const asSeen = (bytes: Buffer) =>
  sharp(bytes)
    .rotate()
    .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });

/** A square around the face, `margin` times its longer side, cut to 150 px and made grey. */
export async function tightCrop(bytes: Buffer, box: FaceAnalysis['box'], margin: number): Promise<Buffer> {
  const seen = await asSeen(bytes).toBuffer({ resolveWithObject: true });
  const side = Math.max(box.width, box.height) * margin;
  const left = Math.max(0, Math.round(box.x + box.width / 2 - side / 2));
  const top = Math.max(0, Math.round(box.y + box.height / 2 - side / 2));
  const width = Math.min(seen.info.width - left, Math.round(side));
  const height = Math.min(seen.info.height - top, Math.round(side));
  return sharp(seen.data)
    .extract({ left, top, width, height })
    .resize(150)
    .greyscale()
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** The degraded copies of a photo whose face is `box` (pixels as the engine sees it). */
export const degradations: Record<string, (bytes: Buffer, box: FaceAnalysis['box']) => Promise<Buffer>> = {
  // The face at 80 px: above the engine's floor (64 px), below a phone close-up.
  small: async (bytes, box) => {
    const seen = await asSeen(bytes).toBuffer({ resolveWithObject: true });
    const scale = Math.min(1, 80 / Math.min(box.width, box.height));
    return sharp(seen.data)
      .resize({ width: Math.max(1, Math.round(seen.info.width * scale)) })
      .jpeg({ quality: 90 })
      .toBuffer();
  },
  grey: (bytes) => asSeen(bytes).greyscale().jpeg({ quality: 90 }).toBuffer(),
  // Out of focus or shaken: a Gaussian blur of a fiftieth of the face (2.6 px at 128 px).
  blurred: (bytes, box) =>
    asSeen(bytes)
      .blur(Math.max(0.5, Math.min(box.width, box.height) / 50))
      .jpeg({ quality: 90 })
      .toBuffer(),
  // A dim room: every value at 30 %.
  dark: (bytes) => asSeen(bytes).linear(0.3, 0).jpeg({ quality: 90 }).toBuffer(),
};
