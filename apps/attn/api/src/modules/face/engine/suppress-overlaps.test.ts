import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Box, faceSuppression, sameFace, suppressOverlaps } from './suppress-overlaps.ts';

const square = (top: number, left: number, side: number): Box => [top, left, top + side, left + side];

test('the best box of a face is kept and its shifted, nested and head-edge duplicates dropped', () => {
  const face = square(20, 20, 100);
  const boxes = [
    square(50, 10, 60), // a weaker box mostly inside the face (IoU 0.29)
    face,
    square(0, 55, 100), // the same size, shifted by a third of the face (IoU 0.2)
    square(50, -12, 28), // small and weak, at the edge of the head, outside the face box
  ];
  assert.deepEqual(suppressOverlaps(boxes, [0.6, 0.95, 0.7, 0.52]), [1]);
});

test('two faces side by side, or one behind the other, stay two faces', () => {
  const boxes = [square(0, 0, 100), square(0, 110, 100), square(30, 200, 60)];
  assert.deepEqual(suppressOverlaps(boxes, [0.9, 0.85, 0.8]), [0, 1, 2]);
  // Near the head but as confident as the face: a second person, not a part of the first.
  assert.equal(sameFace(square(0, 0, 100), square(10, 95, 40), 0.05, faceSuppression), false);
  assert.equal(sameFace(square(0, 0, 100), square(10, 95, 40), 0.3, faceSuppression), true);
});

test('overlap by intersection over union alone above the threshold', () => {
  const a = square(0, 0, 100);
  assert.equal(
    sameFace(a, square(0, 40, 100), 0, { ...faceSuppression, contained: 1, head: { scale: 1, scoreGap: 1 } }),
    true,
  ); // IoU 0.43
  assert.equal(
    sameFace(a, square(0, 60, 100), 0, { ...faceSuppression, contained: 1, head: { scale: 1, scoreGap: 1 } }),
    false,
  ); // IoU 0.25
});

test('boxes below the minimum score, empty boxes and boxes beyond the maximum are not kept', () => {
  const boxes = [square(0, 0, 10), square(0, 100, 10), [5, 5, 5, 5] as Box, square(0, 200, 10)];
  assert.deepEqual(suppressOverlaps(boxes, [0.4, 0.9, 0.99, 0.8]), [1, 3]);
  assert.deepEqual(suppressOverlaps(boxes, [0.4, 0.9, 0.99, 0.8], { ...faceSuppression, maxBoxes: 1 }), [1]);
  assert.deepEqual(suppressOverlaps([], []), []);
});
