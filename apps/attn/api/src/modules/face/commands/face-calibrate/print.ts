// What face-calibrate prints with: lines on stdout, distributions and decision counts.
import type { Distribution, gatedCounts } from '../../engine/calibration.ts';
import type { FaceAnalysis } from '../../engine/face-engine.ts';
import type { FaceError } from '../../engine/face-error.ts';

export const out = (line = '') => process.stdout.write(`${line}\n`);
export const show = (d: Distribution | undefined) =>
  d
    ? `n=${d.count}  min ${d.min.toFixed(3)}  median ${d.median.toFixed(3)}  max ${d.max.toFixed(3)}`
    : 'none';
export const counts = (c: ReturnType<typeof gatedCounts>) =>
  `genuine ${JSON.stringify(c.genuine)}  impostor ${JSON.stringify(c.impostor)}`;

export type Analysed = { file: string; analysis: FaceAnalysis; passed: boolean };

/** The engine's analysis of a photo, or the error it refused it with. */
export type Analyse = (bytes: Uint8Array) => Promise<FaceAnalysis | FaceError>;
