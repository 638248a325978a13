// `npm run attn -- face-calibrate <folder>`: scores every pair of labelled photos (identity =
// file name without a trailing -<number>; names starting "group" only test refusal), prints the
// genuine and impostor distributions and the thresholds they suggest. Opens no database.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppCommand } from '@campus/platform/app';
import type { AttnConfig } from '../../../config.ts';
import {
  type Distribution,
  decisionCounts,
  distribution,
  isGroupPhoto,
  type LabelledEmbedding,
  scorePairs,
  suggestThresholds,
} from '../engine/calibration.ts';
import { faceThresholds } from '../engine/decision.ts';
import { isFaceError } from '../engine/face-error.ts';

const IMAGE = /\.(jpe?g|png|webp|avif|heic|heif)$/i;
/** Up to this many pairs, each one is printed. */
const PRINT_EACH_UP_TO = 200;

const out = (line = '') => process.stdout.write(`${line}\n`);
const show = (d: Distribution | undefined) =>
  d
    ? `n=${d.count}  min ${d.min.toFixed(3)}  median ${d.median.toFixed(3)}  max ${d.max.toFixed(3)}`
    : 'none';

export const faceCalibrateCommand: AppCommand<AttnConfig> = {
  summary: 'score every pair of labelled photos in a folder and suggest the face thresholds',
  async run(args) {
    // Loaded here, not at import: the rest of the command line never pays for the models.
    const { analyseFace } = await import('../engine/face-engine.ts');
    const [folder, ...extra] = args;
    if (!folder || extra.length > 0) {
      process.stderr.write('Usage: face-calibrate <folder of photos named <identity>[-<n>].jpg>\n');
      return 2;
    }
    const files = (await readdir(folder)).filter((name) => IMAGE.test(name)).sort();
    const items: LabelledEmbedding[] = [];
    let groupsAccepted = 0;
    out(`Photos in ${folder}:`);
    for (const file of files) {
      const started = performance.now();
      const result = await analyseFace(await readFile(join(folder, file))).catch((err: unknown) => {
        if (isFaceError(err)) return err;
        throw err;
      });
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
      items.push({ file, embedding: result.embedding });
      out(
        `  ${file}: one face, score ${result.score}, spoof ${result.spoof}, liveness ${result.liveness}  ${ms}`,
      );
    }
    const pairs = scorePairs(items).sort((x, y) => y.similarity - x.similarity);
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
      const counts = decisionCounts(pairs, thresholds);
      out(
        `${name}: verified >= ${thresholds.verified}, rejected < ${thresholds.rejected}` +
          (name === 'Suggested' ? ` (${suggestion.note})` : ''),
      );
      out(`  genuine:  ${JSON.stringify(counts.genuine)}`);
      out(`  impostor: ${JSON.stringify(counts.impostor)}`);
    }
    return groupsAccepted > 0 || !suggestion.thresholds ? 1 : 0;
  },
};
