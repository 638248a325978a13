// Non-maximum suppression for the face detector: one face, one box. BlazeFace proposes a box per
// anchor, on two grids of different scales, so one face comes out several times. Plain
// intersection over union (TensorFlow's nonMaxSuppression at 0.3) let duplicates through on tight
// close-ups (a face filling the photo): on 150 px grey crops of the 15 fixture faces at three
// margins, 5 of 45 were refused as MULTIPLE_FACES. The duplicates were a smaller box inside the
// face, a box of the same size shifted by a third of the face (IoU about 0.2), and a weak small
// box at the edge of the head. So a weaker box is also the same face when most of it lies inside
// a kept box, or, scoring at least 0.1 less, inside the kept box grown 1.5 times (the head around
// the face). Measured: 0 of 45 crops with two faces, and every face still found in the group
// photos (14 and 3 in the fixtures, 3 in face-api's sample). Lowering IoU to 0.1 or 0.2 instead
// merged two real faces of group-1 (13).

/** [top, left, bottom, right], in any unit. */
export type Box = readonly [number, number, number, number];

export interface SuppressOptions {
  /** Above this intersection over union, the weaker box is the same face. */
  iou: number;
  /** Above this share of the weaker box's area inside a better one, it is the same face. */
  contained: number;
  /** Boxes scoring below are ignored. */
  minScore: number;
  maxBoxes: number;
  /**
   * A box scoring at least `scoreGap` less than a kept one, with more than `contained` of its
   * area inside the kept box grown `scale` times about its centre, is part of the same head.
   */
  head: { scale: number; scoreGap: number };
}

export const faceSuppression: SuppressOptions = {
  iou: 0.3,
  contained: 0.5,
  minScore: 0.5,
  maxBoxes: 50,
  head: { scale: 1.5, scoreGap: 0.1 },
};

const area = ([top, left, bottom, right]: Box) => Math.max(0, bottom - top) * Math.max(0, right - left);

function intersection(a: Box, b: Box): number {
  const height = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const width = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  return height > 0 && width > 0 ? height * width : 0;
}

function grown([top, left, bottom, right]: Box, scale: number): Box {
  const dy = ((bottom - top) * (scale - 1)) / 2;
  const dx = ((right - left) * (scale - 1)) / 2;
  return [top - dy, left - dx, bottom + dy, right + dx];
}

/** Whether `weaker` (scoring `gap` less) is the same face as `kept`, by any of the three rules. */
export function sameFace(
  kept: Box,
  weaker: Box,
  gap: number,
  options: Pick<SuppressOptions, 'iou' | 'contained' | 'head'>,
): boolean {
  const weakerArea = area(weaker);
  if (weakerArea === 0) return true;
  const shared = intersection(kept, weaker);
  const union = area(kept) + weakerArea - shared;
  if (shared > 0 && shared / union > options.iou) return true;
  if (shared / weakerArea > options.contained) return true;
  return (
    gap >= options.head.scoreGap &&
    intersection(grown(kept, options.head.scale), weaker) / weakerArea > options.contained
  );
}

/** Indices of the boxes kept, best score first. */
export function suppressOverlaps(
  boxes: readonly Box[],
  scores: readonly number[],
  options: SuppressOptions = faceSuppression,
): number[] {
  const order = scores
    .map((score, index) => ({ score, index }))
    .filter(({ score, index }) => score >= options.minScore && boxes[index] && area(boxes[index]) > 0)
    .sort((x, y) => y.score - x.score || x.index - y.index);
  const kept: number[] = [];
  for (const { index } of order) {
    if (kept.length >= options.maxBoxes) break;
    const box = boxes[index] as Box;
    const score = scores[index] as number;
    const same = kept.some((k) => sameFace(boxes[k] as Box, box, (scores[k] as number) - score, options));
    if (!same) kept.push(index);
  }
  return kept;
}
