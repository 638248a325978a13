// Finding faces with BlazeFace (the detector that ships with @vladmandic/human): about ten times
// faster here than face-api's SSD MobileNet v1, which runs at 512 px whatever the photo, and it
// found the same faces on every fixture (14 and 3 in the group photos, one in each selfie). Its
// box is tighter than SSD's; face-api's own chain gives the landmark net SSD's boxes, so each
// box is mapped to where SSD puts it (ratios measured on the fixtures) before the landmarks see it.
import type { Tensor, Tensor3D, Tensor4D } from '@tensorflow/tfjs-core';
import type { GraphModel, Tf } from './models.ts';
import { type Box, faceSuppression, suppressOverlaps } from './suppress-overlaps.ts';

/** The model's input side, in pixels. */
const INPUT = 256;
/** Anchors of the two output grids (16 px stride, 2 per cell; 32 px stride, 6 per cell). */
const GRIDS = [
  { stride: 16, perCell: 2 },
  { stride: 32, perCell: 6 },
] as const;
/** Values per anchor: score logit, box (cx, cy, w, h), six keypoints. */
const VALUES = 17;
/** From BlazeFace's box to SSD's (median ratios over the fixtures): taller, a little narrower, higher. */
const TO_SSD = { width: 0.9, height: 1.12, dx: -0.05, dy: -0.12 } as const;

export interface Detection {
  box: { x: number; y: number; width: number; height: number };
  score: number;
}

const anchors: number[] = GRIDS.flatMap(({ stride, perCell }) => {
  const cells = INPUT / stride;
  const out: number[] = [];
  for (let y = 0; y < cells; y++)
    for (let x = 0; x < cells; x++)
      for (let n = 0; n < perCell; n++) out.push(stride * (x + 0.5), stride * (y + 0.5));
  return out;
});

/** Faces in the image (pixels of `input`), best first, each scoring at least minScore. */
export async function detectFaces(
  tf: Tf,
  model: GraphModel,
  input: Tensor3D,
  minScore: number,
): Promise<Detection[]> {
  const [height, width] = input.shape;
  // Padded to a square at the bottom right, so the face keeps its shape and boxes need no offset.
  const side = Math.max(height, width);
  const output = tf.tidy(() => {
    // Padded (still integers: no float copy of the full-size photo), then shrunk. Shrinking
    // before padding rounds the scale differently and moved the fixtures' descriptors enough to
    // cut the calibration margin to a few thousandths.
    const square = tf.pad(tf.expandDims(input, 0), [
      [0, 0],
      [0, side - height],
      [0, side - width],
      [0, 0],
    ]);
    const resized = tf.image.resizeBilinear(square as Tensor4D, [INPUT, INPUT]);
    const results = model.execute(tf.sub(tf.div(resized, 127.5), 1)) as Tensor[];
    // Four outputs (scores and boxes of each grid); by size: 384x1, 512x1, 384x16, 512x16.
    const [s384, s512, b384, b512] = [...results].sort((a, b) => a.size - b.size) as [
      Tensor,
      Tensor,
      Tensor,
      Tensor,
    ];
    return tf.squeeze(tf.concat([tf.concat([s512, b512], 2), tf.concat([s384, b384], 2)], 1), [0]);
  });
  const data = await output.data();
  output.dispose();
  const count = data.length / VALUES;
  const boxes: Box[] = [];
  const scores: number[] = [];
  const scale = side / INPUT;
  for (let i = 0; i < count; i++) {
    const at = i * VALUES;
    const cx = (data[at + 1] ?? 0) + (anchors[2 * i] ?? 0);
    const cy = (data[at + 2] ?? 0) + (anchors[2 * i + 1] ?? 0);
    const w = data[at + 3] ?? 0;
    const h = data[at + 4] ?? 0;
    boxes.push([(cy - h / 2) * scale, (cx - w / 2) * scale, (cy + h / 2) * scale, (cx + w / 2) * scale]);
    scores.push(1 / (1 + Math.exp(-(data[at] ?? 0))));
  }
  // One box per face: duplicates across anchors and scales dropped (./suppress-overlaps.ts).
  const indices = suppressOverlaps(boxes, scores, { ...faceSuppression, minScore });
  return indices.map((i) => {
    const [top, left, bottom, right] = boxes[i] as Box;
    const w = right - left;
    const h = bottom - top;
    const cx = left + w / 2 + TO_SSD.dx * w;
    const cy = top + h / 2 + TO_SSD.dy * h;
    const boxWidth = w * TO_SSD.width;
    const boxHeight = h * TO_SSD.height;
    const x = Math.max(0, cx - boxWidth / 2);
    const y = Math.max(0, cy - boxHeight / 2);
    return {
      box: {
        x,
        y,
        width: Math.min(width, cx + boxWidth / 2) - x,
        height: Math.min(height, cy + boxHeight / 2) - y,
      },
      score: scores[i] ?? 0,
    };
  });
}
