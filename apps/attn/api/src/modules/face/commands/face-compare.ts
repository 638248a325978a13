// `npm run attn -- face-compare <enrolled.jpg> <selfie.jpg>`: the engine on two photos, as the
// check-in job would see them, printed as one JSON object. Opens no database and needs no
// settings: only the engine and the two files.
import { readFile } from 'node:fs/promises';
import type { AppCommand } from '@campus/platform/app';
import type { AttnConfig } from '../../../config.ts';
import { compareEmbeddings } from '../engine/decision.ts';
import { isFaceError } from '../engine/face-error.ts';
import { qualityIssues } from '../engine/face-quality.ts';
import { verdictOfAnalysis } from '../use-cases/verdict.ts';

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

export const faceCompareCommand: AppCommand<AttnConfig> = {
  summary:
    'compare an enrolled photo with a selfie: prints {faces, similarity, spoof, liveness, quality, quality_issues, decision}',
  async run(args, spec) {
    // Loaded here, not at import: the rest of the command line never pays for the models.
    const { analyseFace } = await import('../engine/face-engine.ts');
    const [enrolledPath, selfiePath, ...extra] = args;
    if (!enrolledPath || !selfiePath || extra.length > 0) {
      process.stderr.write('Usage: face-compare <enrolled photo> <selfie photo>\n');
      return 2;
    }
    const enrolled = await analyseFace(await readFile(enrolledPath)).catch((err: unknown) => {
      if (!isFaceError(err)) throw err;
      print({ error: { ...err.toJSON(), photo: 'enrolled' } });
      return undefined;
    });
    if (!enrolled) return 1;
    try {
      const selfie = await analyseFace(await readFile(selfiePath));
      const similarity = compareEmbeddings(enrolled.embedding, selfie.embedding);
      // The check-in's verdict: never 'verified' below the quality gate (FACE_MIN_* settings).
      const gate = spec.loadConfig().faceQuality;
      const verdict = verdictOfAnalysis([enrolled.embedding], selfie, undefined, gate);
      print({
        faces: selfie.faces,
        similarity,
        spoof: selfie.spoof,
        liveness: selfie.liveness,
        quality: selfie.quality,
        quality_issues: verdict.qualityIssues,
        enrolled_quality_issues: qualityIssues(enrolled.quality, gate),
        decision: verdict.verification,
      });
      return 0;
    } catch (err) {
      if (!isFaceError(err)) throw err;
      print({
        faces: err.faces ?? null,
        similarity: null,
        spoof: null,
        liveness: null,
        decision: null,
        error: { code: err.code, message: err.message, photo: 'selfie' },
      });
      return 1;
    }
  },
};
