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
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppCommand } from '@campus/platform/app';
import type { AttnConfig } from '../../../config.ts';
import {
  decisionCounts,
  distribution,
  type GatedPair,
  gatedCounts,
  isGroupPhoto,
  scorePairs,
  suggestThresholds,
} from '../engine/calibration.ts';
import { faceThresholds } from '../engine/decision.ts';
import { isFaceError } from '../engine/face-error.ts';
import { type FaceQualityThresholds, qualityIssues } from '../engine/face-quality.ts';
import { bestOrMean, degradedCopies, tightCrops } from './face-calibrate/checks.ts';
import { type Analysed, counts, out, show } from './face-calibrate/print.ts';

export { degradations, tightCrop } from './face-calibrate/images.ts';

const IMAGE = /\.(jpe?g|png|webp|avif|heic|heif)$/i;
/** Up to this many pairs, each one is printed. */
const PRINT_EACH_UP_TO = 200;

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

    const crops = await tightCrops(items, originals, analyse, quality);
    impostorsVerified += crops.impostorsVerified;

    if (degraded) impostorsVerified += await degradedCopies(items, originals, analyse, quality);
    return groupsAccepted > 0 || impostorsVerified > 0 || crops.notOne > 0 || !suggestion.thresholds ? 1 : 0;
  },
};
