// face-calibrate's checks beyond the pairs of photos: the best enrolled photo against the mean
// descriptor, tight crops of each face, and degraded copies of each photo through the gate.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bestAgainstMean,
  decisionCounts,
  distribution,
  type GatedPair,
  gatedCounts,
  identityOf,
  scorePairs,
} from '../../engine/calibration.ts';
import { compareEmbeddings, decide, type FaceThresholds, faceThresholds } from '../../engine/decision.ts';
import { isFaceError } from '../../engine/face-error.ts';
import { type FaceQualityThresholds, qualityIssues } from '../../engine/face-quality.ts';
import { degradations, tightCrop } from './images.ts';
import { type Analyse, type Analysed, counts, out, show } from './print.ts';

/** The check-in's way (best enrolled photo) against the mean descriptor, over every enrolment. */
export function bestOrMean(items: Analysed[], thresholds: FaceThresholds) {
  const enrollable = items
    .filter((i) => i.passed)
    .map((i) => ({ file: i.file, embedding: i.analysis.embedding }));
  const scores = bestAgainstMean(enrollable);
  out();
  out('Each photo as a selfie against each identity enrolled with its other photos (that pass the gate):');
  for (const way of ['best', 'mean'] as const) {
    const c = {
      genuine: { verified: 0, needs_review: 0, rejected: 0 },
      impostor: { verified: 0, needs_review: 0, rejected: 0 },
    };
    for (const s of scores) c[s.genuine ? 'genuine' : 'impostor'][decide(s[way], thresholds)]++;
    const g = distribution(scores.filter((s) => s.genuine).map((s) => s[way]));
    const i = distribution(scores.filter((s) => !s.genuine).map((s) => s[way]));
    out(`  ${way === 'best' ? 'best photo' : 'mean      '}  genuine ${show(g)}`);
    out(`              impostor ${show(i)}`);
    out(`              ${counts(c)}`);
  }
}

/**
 * Each photo's face cut tight (1.0, 1.2 and 1.4 times its box), which must still be found as one
 * face, and the crops at 1.2 scored against each other. Returns how many were not one face and
 * how many impostor pairs were verified through the gate.
 */
export async function tightCrops(
  items: Analysed[],
  originals: Map<string, Buffer>,
  analyse: Analyse,
  quality: FaceQualityThresholds,
): Promise<{ notOne: number; impostorsVerified: number }> {
  out();
  out('Tight crops (150 px, grey, the face at 1.0, 1.2 and 1.4 times its box):');
  let notOne = 0;
  let crops = 0;
  const cropped: Analysed[] = [];
  for (const item of items) {
    const found: string[] = [];
    for (const margin of [1, 1.2, 1.4]) {
      crops++;
      const result = await analyse(
        await tightCrop(originals.get(item.file) as Buffer, item.analysis.box, margin),
      );
      if (isFaceError(result) && result.code !== 'FACE_TOO_SMALL') notOne++;
      found.push(isFaceError(result) ? `${result.code} (${result.faces ?? '?'})` : 'one face');
      if (margin === 1.2 && !isFaceError(result)) {
        const passed = qualityIssues(result.quality, quality).length === 0;
        cropped.push({ file: item.file, analysis: result, passed });
      }
    }
    out(`  ${item.file}: ${found.join(', ')}`);
  }
  out(`  not found as one face: ${notOne} of ${crops}`);
  // The crops at 1.2 against each other, as the issue measured them (both photos grey and small).
  const cropPassed = new Map(cropped.map((c) => [c.file, c.passed]));
  const cropPairs: GatedPair[] = scorePairs(
    cropped.map((c) => ({ file: c.file, embedding: c.analysis.embedding })),
  ).map((p) => ({ ...p, passed: Boolean(cropPassed.get(p.a) && cropPassed.get(p.b)) }));
  out(`  crops at 1.2, each pair, without the gate: ${counts(decisionCounts(cropPairs, faceThresholds))}`);
  out(`  crops at 1.2, each pair, with the gate:    ${counts(gatedCounts(cropPairs, faceThresholds))}`);
  return { notOne, impostorsVerified: gatedCounts(cropPairs, faceThresholds).impostor.verified };
}

/** The degraded copies of each photo, each as a selfie; returns the impostor pairs verified through the gate. */
export async function degradedCopies(
  items: Analysed[],
  originals: Map<string, Buffer>,
  analyse: Analyse,
  quality: FaceQualityThresholds,
): Promise<number> {
  const folder = await mkdtemp(join(tmpdir(), 'face-calibrate-'));
  let impostorsVerified = 0;
  try {
    out();
    out(
      `Degraded copies (in ${folder}, removed afterwards), each as a selfie against the other originals that pass the gate:`,
    );
    const enrolled = items.filter((i) => i.passed);
    for (const [name, degrade] of Object.entries(degradations)) {
      const lines: string[] = [];
      const pairs: GatedPair[] = [];
      let caught = 0;
      let refused = 0;
      for (const item of items) {
        const path = join(folder, `${name}-${item.file}`);
        await writeFile(path, await degrade(originals.get(item.file) as Buffer, item.analysis.box));
        const result = await analyse(await readFile(path));
        if (isFaceError(result)) {
          refused++;
          lines.push(`    ${item.file}: refused ${result.code}`);
          continue;
        }
        const issues = qualityIssues(result.quality, quality);
        if (issues.length) caught++;
        const q = result.quality;
        lines.push(
          `    ${item.file}: ${q.size} ${q.colour} ${q.sharpness} ${q.brightness} ${issues.join(', ') || 'passes'}`,
        );
        for (const other of enrolled) {
          if (other.file === item.file) continue;
          pairs.push({
            a: `${name}-${item.file}`,
            b: other.file,
            genuine: identityOf(item.file) === identityOf(other.file),
            similarity: compareEmbeddings(result.embedding, other.analysis.embedding),
            passed: issues.length === 0,
          });
        }
      }
      const without = decisionCounts(pairs, faceThresholds);
      const gated = gatedCounts(pairs, faceThresholds);
      impostorsVerified += gated.impostor.verified;
      out(
        `  ${name}: ${items.length} copies, ${refused} refused by the engine, ${caught} of the rest failing the gate`,
      );
      for (const line of lines) out(line);
      out(`    pairs without the gate: ${counts(without)}`);
      out(`    pairs with the gate:    ${counts(gated)}`);
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  return impostorsVerified;
}
