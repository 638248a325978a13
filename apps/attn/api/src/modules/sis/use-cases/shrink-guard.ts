// A SIS that answers with a roster far smaller than what it gave before is more likely broken
// (an empty export, a wrong term filter) than emptied: the sync refuses it before writing
// anything, unless an admin confirmed the SIS and allowed the shrink for this run.

/** A roster shrinking below this share of what the SIS gave before (from at least MIN rows) is refused. */
export const SHRINK_GUARD_RATIO = 0.5;
export const SHRINK_GUARD_MIN = 20;

/** Why the run is refused, or null when the roster may be applied. */
export function shrinkRefusal(input: {
  before: number;
  listed: number;
  allowShrink: boolean;
}): string | null {
  const { before, listed, allowShrink } = input;
  if (before < SHRINK_GUARD_MIN || listed >= before * SHRINK_GUARD_RATIO || allowShrink) return null;
  return `the SIS lists ${listed} enrollments where ATTN holds ${before} from it: refused as a likely SIS fault; an admin can run the sync with allow_shrink once the SIS is confirmed`;
}
