// `npm run attn -- face-calibrate <folder> [--degraded]`: scores every pair of labelled photos
// (identity = file name without a trailing -<number>; names starting "group" only test refusal),
// prints the genuine and impostor distributions and the thresholds they suggest, each photo's
// quality measures and the pairs' decisions with the quality gate (FACE_MIN_* settings), the best
// enrolled photo against the mean of the enrolled descriptors, and whether a tight 150 px grey
// crop of each face is found as one face. With --degraded it also makes small, grey, blurred and
// dark copies of each photo (with sharp, in a temporary folder removed afterwards) and scores
// each copy, as a selfie, against the other original photos, as enrolments. Opens no database.
// Exit code 1 when a group photo is accepted, an impostor pair is verified through the gate, a
// tight crop is not one face, or no thresholds can be suggested.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppCommand } from '@campus/platform/app';
import sharp from 'sharp';
import type { AttnConfig } from '../../../config.ts';
import {
  bestAgainstMean,
  type Distribution,
  decisionCounts,
  distribution,
  type GatedPair,
  gatedCounts,
  identityOf,
  isGroupPhoto,
  scorePairs,
  suggestThresholds,
} from '../engine/calibration.ts';
import { compareEmbeddings, decide, type FaceThresholds, faceThresholds } from '../engine/decision.ts';
import { MAX_SIDE } from '../engine/decode-image.ts';
import type { FaceAnalysis } from '../engine/face-engine.ts';
import { type FaceError, isFaceError } from '../engine/face-error.ts';
import { type FaceQualityThresholds, qualityIssues } from '../engine/face-quality.ts';

const IMAGE = /\.(jpe?g|png|webp|avif|heic|heif)$/i;
/** Up to this many pairs, each one is printed. */
const PRINT_EACH_UP_TO = 200;

const out = (line = '') => process.stdout.write(`${line}\n`);
const show = (d: Distribution | undefined) =>
  d
    ? `n=${d.count}  min ${d.min.toFixed(3)}  median ${d.median.toFixed(3)}  max ${d.max.toFixed(3)}`
    : 'none';
const counts = (c: ReturnType<typeof gatedCounts>) =>
  `genuine ${JSON.stringify(c.genuine)}  impostor ${JSON.stringify(c.impostor)}`;

type Analysed = { file: string; analysis: FaceAnalysis; passed: boolean };

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

export const faceCalibrateCommand: AppCommand<AttnConfig> = {
  summary: 'score every pair of labelled photos in a folder and suggest the face thresholds',
  async run(args, spec) {
    // Loaded here, not at import: the rest of the command line never pays for the models.
    const { analyseFace } = await import('../engine/face-engine.ts');
    const degraded = args.includes('--degraded');
    const [folder, ...extra] = args.filter((a) => a !== '--degraded');
    if (!folder || extra.length > 0) {
      process.stderr.write(
        'Usage: face-calibrate <folder of photos named <identity>[-<n>].jpg> [--degraded]\n',
      );
      return 2;
    }
    const quality: FaceQualityThresholds = spec.loadConfig().faceQuality;
    const analyse = (bytes: Uint8Array) =>
      analyseFace(bytes).catch((err: unknown) => {
        if (isFaceError(err)) return err;
        throw err;
      });
    const files = (await readdir(folder)).filter((name) => IMAGE.test(name)).sort();
    const items: Analysed[] = [];
    const originals = new Map<string, Buffer>();
    let groupsAccepted = 0;
    out(
      `Photos in ${folder} (quality: size px, colour %, sharpness, brightness; gate ${JSON.stringify(quality)}):`,
    );
    for (const file of files) {
      const started = performance.now();
      const bytes = await readFile(join(folder, file));
      const result = await analyse(bytes);
      const ms = `${Math.round(performance.now() - started)} ms`;
      if (isFaceError(result)) {
        const expected = isGroupPhoto(file) && result.code === 'MULTIPLE_FACES';
        out(
          `  ${file}: refused ${result.code} (${result.faces ?? '?'} faces)${expected ? ', as expected' : ''}  ${ms}`,
        );
        continue;
      }
      if (isGroupPhoto(file)) {
        groupsAccepted++;
        out(`  ${file}: NOT refused, one face found: a group photo should hold several  ${ms}`);
        continue;
      }
      const issues = qualityIssues(result.quality, quality);
      items.push({ file, analysis: result, passed: issues.length === 0 });
      originals.set(file, bytes);
      const q = result.quality;
      out(
        `  ${file}: one face, score ${result.score}, spoof ${result.spoof}, liveness ${result.liveness}; ` +
          `quality ${q.size} ${q.colour} ${q.sharpness} ${q.brightness}${issues.length ? ` FAILS ${issues.join(', ')}` : ''}  ${ms}`,
      );
    }
    const passedBy = new Map(items.map((i) => [i.file, i.passed]));
    const pairs: GatedPair[] = scorePairs(
      items.map((i) => ({ file: i.file, embedding: i.analysis.embedding })),
    )
      .map((p) => ({ ...p, passed: Boolean(passedBy.get(p.a) && passedBy.get(p.b)) }))
      .sort((x, y) => y.similarity - x.similarity);
    const genuine = pairs.filter((p) => p.genuine);
    const impostor = pairs.filter((p) => !p.genuine);
    out();
    out(`Genuine pairs (same identity):  ${show(distribution(genuine.map((p) => p.similarity)))}`);
    out(`Impostor pairs (two people):    ${show(distribution(impostor.map((p) => p.similarity)))}`);
    if (pairs.length <= PRINT_EACH_UP_TO) {
      out();
      out('Every pair, most similar first:');
      for (const p of pairs)
        out(`  ${p.similarity.toFixed(3)}  ${p.genuine ? 'genuine ' : 'impostor'}  ${p.a} ~ ${p.b}`);
    }
    const suggestion = suggestThresholds(pairs);
    out();
    for (const [name, thresholds] of [
      ['In use', faceThresholds],
      ['Suggested', suggestion.thresholds],
    ] as const) {
      if (!thresholds) {
        out(`${name}: none (${suggestion.note})`);
        continue;
      }
      const c = decisionCounts(pairs, thresholds);
      out(
        `${name}: verified >= ${thresholds.verified}, rejected < ${thresholds.rejected}` +
          (name === 'Suggested' ? ` (${suggestion.note})` : ''),
      );
      out(`  genuine:  ${JSON.stringify(c.genuine)}`);
      out(`  impostor: ${JSON.stringify(c.impostor)}`);
    }
    let impostorsVerified = gatedCounts(pairs, faceThresholds).impostor.verified;
    out(`In use, with the quality gate: ${counts(gatedCounts(pairs, faceThresholds))}`);

    bestOrMean(items, faceThresholds);

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
    impostorsVerified += gatedCounts(cropPairs, faceThresholds).impostor.verified;

    if (degraded) impostorsVerified += await degradedCopies(items, originals, analyse, quality);
    return groupsAccepted > 0 || impostorsVerified > 0 || notOne > 0 || !suggestion.thresholds ? 1 : 0;
  },
};

/** The check-in's way (best enrolled photo) against the mean descriptor, over every enrolment. */
function bestOrMean(items: Analysed[], thresholds: FaceThresholds) {
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

async function degradedCopies(
  items: Analysed[],
  originals: Map<string, Buffer>,
  analyse: (bytes: Uint8Array) => Promise<FaceAnalysis | FaceError>,
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
