// ATTN's settings: the platform's, with ATTN's defaults (port 3001, data under data/attn/), and
// the student information system's (SIS_*; see modules/sis/sis-config.ts, through its index.ts), and FACE_THREADS, the
// face analysis threads of a process that runs the selfie verification jobs, and
// FACE_RETENTION_DAYS, how long face data of a student on no active roster is kept.
import { availableParallelism } from 'node:os';
import type { PlatformConfig } from '@campus/platform/config';
import { int, loadConfig } from '@campus/platform/config';
import { type FaceQualityThresholds, faceQualityDefaults } from './modules/face/index.ts';
import { type SisConfig, sisConfigFrom, sisSettings } from './modules/sis/index.ts';

export type AttnConfig = PlatformConfig & {
  /** The SIS to check passwords against and sync rosters from; undefined without SIS_URL. */
  readonly sis: SisConfig | undefined;
  /** Worker threads for face analysis in a process that runs jobs (each holds ~550 MB of models). */
  readonly faceThreads: number;
  /** Days after a student left their last active roster before their face data is deleted. */
  readonly faceRetentionDays: number;
  /** The quality gate a face must pass to be verified or enrolled (FACE_MIN_*). */
  readonly faceQuality: FaceQualityThresholds;
};

const faceSettings = {
  // The cores, capped at 2 by default: memory, not CPU, is what a worker machine runs out of.
  FACE_THREADS: int({ fallback: String(Math.min(availableParallelism(), 2)), min: 1, max: 64 }),
  /**
   * Face data (embeddings, kept selfies) of a student on no active roster is deleted by a daily
   * schedule once this many days have passed since their last term ended, their last check-in
   * and their last enrolment, whichever is latest.
   */
  FACE_RETENTION_DAYS: int({ fallback: '180', min: 1, max: 3650 }),
  // The quality gate (modules/face/engine/face-quality.ts, measured with face-calibrate): below
  // any of these a selfie goes to the teacher and an enrolment photo is refused.
  /** Smallest face side, in pixels of the photo scaled to at most 1024 px. */
  FACE_MIN_SIZE: int({ fallback: String(faceQualityDefaults.minSize), min: 48, max: 1024 }),
  /** Smallest mean colour (chroma) of the face, percent: a grey photo is 0. */
  FACE_MIN_COLOUR: int({ fallback: String(faceQualityDefaults.minColour), min: 0, max: 100 }),
  /** Smallest sharpness (variance of the Laplacian of the face at 128 px): a blurred face is lower. */
  FACE_MIN_SHARPNESS: int({ fallback: String(faceQualityDefaults.minSharpness), min: 0, max: 10_000 }),
  /** Smallest mean brightness of the face, 0..255. */
  FACE_MIN_BRIGHTNESS: int({ fallback: String(faceQualityDefaults.minBrightness), min: 0, max: 255 }),
};

export function loadAttnConfig(env: Record<string, string | undefined> = process.env): AttnConfig {
  // A lecture hall behind one NAT address makes its usual typos: 500 students, a few percent
  // of them twice, stay well under 200 failures.
  const config = loadConfig({
    app: 'attn',
    defaultPort: 3001,
    env,
    loginIpThreshold: 200,
    extra: { ...sisSettings, ...faceSettings },
  });
  return Object.freeze({
    ...config,
    sis: sisConfigFrom(config.extra),
    faceThreads: config.extra.FACE_THREADS ?? 1,
    faceQuality: Object.freeze({
      minSize: config.extra.FACE_MIN_SIZE ?? faceQualityDefaults.minSize,
      minColour: config.extra.FACE_MIN_COLOUR ?? faceQualityDefaults.minColour,
      minSharpness: config.extra.FACE_MIN_SHARPNESS ?? faceQualityDefaults.minSharpness,
      minBrightness: config.extra.FACE_MIN_BRIGHTNESS ?? faceQualityDefaults.minBrightness,
    }),
    faceRetentionDays: config.extra.FACE_RETENTION_DAYS ?? 180,
  });
}
