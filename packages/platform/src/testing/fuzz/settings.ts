// How big a fuzz run is, from the environment (npm test's short run, npm run fuzz's long one).
import { seedFrom } from './prng.ts';

export interface FuzzSettings {
  seed: number;
  valid: number;
  mutated: number;
  /** The test's own time limit (ms): the short run stays well under two minutes. */
  timeout: number;
}

/**
 * The run's size from the environment: FUZZ_SEED replays a run; FUZZ_MUTATED (npm run fuzz sets
 * it) asks for more mutated requests per operation and caller than the default 8.
 */
export function fuzzSettings(env: Record<string, string | undefined> = process.env): FuzzSettings {
  const mutated = env.FUZZ_MUTATED ? Number(env.FUZZ_MUTATED) : 8;
  if (!Number.isInteger(mutated) || mutated < 1) throw new Error(`FUZZ_MUTATED must be a positive integer`);
  return {
    seed: seedFrom(env),
    valid: mutated > 8 ? 3 : 2,
    mutated,
    timeout: mutated > 8 ? 60 * 60_000 : 110_000,
  };
}
