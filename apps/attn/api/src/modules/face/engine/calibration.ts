// Calibration over a folder of labelled photos: every pair scored, split into genuine (same
// identity) and impostor pairs, and thresholds suggested from the two distributions. Pure
// functions: face-calibrate and the engine's tests share them.
import { compareEmbeddings, decide, type FaceDecision, type FaceThresholds } from './decision.ts';

/** The identity of a photo: its file name without extension and without a trailing -<number>. */
export function identityOf(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '').replace(/-\d+$/, '');
}

/** Photos whose name starts with "group" hold several faces: they only test refusal. */
export function isGroupPhoto(fileName: string): boolean {
  return fileName.toLowerCase().startsWith('group');
}

export interface LabelledEmbedding {
  file: string;
  embedding: ArrayLike<number>;
}

export interface ScoredPair {
  a: string;
  b: string;
  genuine: boolean;
  similarity: number;
}

export function scorePairs(items: LabelledEmbedding[]): ScoredPair[] {
  const pairs: ScoredPair[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i] as LabelledEmbedding;
      const b = items[j] as LabelledEmbedding;
      pairs.push({
        a: a.file,
        b: b.file,
        genuine: identityOf(a.file) === identityOf(b.file),
        similarity: compareEmbeddings(a.embedding, b.embedding),
      });
    }
  }
  return pairs;
}

export interface Distribution {
  count: number;
  min: number;
  median: number;
  max: number;
}

export function distribution(values: number[]): Distribution | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { count: sorted.length, min: sorted[0] as number, median, max: sorted[sorted.length - 1] as number };
}

export interface Suggestion {
  thresholds: FaceThresholds | undefined;
  /** Why there is no suggestion, or how much room the suggested one leaves. */
  note: string;
}

// To three places, never up (the epsilon absorbs float error such as 0.42 + 0.04 = 0.4599…).
const down = (value: number) => Math.floor(value * 1000 + 1e-9) / 1000;

/**
 * Verified halfway between the closest impostor pair and the median genuine pair (so no
 * impostor is verified and at least half the genuine pairs are, with the widest margin both
 * ways); rejected the same margin below the weakest genuine pair.
 */
export function suggestThresholds(pairs: ScoredPair[]): Suggestion {
  const genuine = distribution(pairs.filter((p) => p.genuine).map((p) => p.similarity));
  const impostor = distribution(pairs.filter((p) => !p.genuine).map((p) => p.similarity));
  if (!genuine || !impostor) {
    return { thresholds: undefined, note: 'needs at least one genuine and one impostor pair' };
  }
  const upperHalf = pairs
    .filter((p) => p.genuine)
    .map((p) => p.similarity)
    .sort((x, y) => y - x)[Math.ceil(genuine.count / 2) - 1] as number;
  if (upperHalf <= impostor.max) {
    return {
      thresholds: undefined,
      note: `no separation: the closest impostor pair (${impostor.max}) scores above half the genuine pairs`,
    };
  }
  const margin = (upperHalf - impostor.max) / 2;
  const verified = down(impostor.max + margin);
  const rejected = down(Math.max(0, genuine.min - margin));
  return { thresholds: { verified, rejected }, note: `margin ${margin.toFixed(3)} either side` };
}

export function decisionCounts(pairs: ScoredPair[], thresholds: FaceThresholds) {
  const counts = {
    genuine: { verified: 0, needs_review: 0, rejected: 0 } as Record<FaceDecision, number>,
    impostor: { verified: 0, needs_review: 0, rejected: 0 } as Record<FaceDecision, number>,
  };
  for (const pair of pairs)
    counts[pair.genuine ? 'genuine' : 'impostor'][decide(pair.similarity, thresholds)]++;
  return counts;
}

/** A pair's decision once the quality gate has spoken: never 'verified' when either photo failed it. */
export function gatedDecision(similarity: number, passed: boolean, thresholds: FaceThresholds): FaceDecision {
  const decision = decide(similarity, thresholds);
  return decision === 'verified' && !passed ? 'needs_review' : decision;
}

export interface GatedPair extends ScoredPair {
  /** Both photos passed the quality gate. */
  passed: boolean;
}

export function gatedCounts(pairs: GatedPair[], thresholds: FaceThresholds) {
  const counts = {
    genuine: { verified: 0, needs_review: 0, rejected: 0 } as Record<FaceDecision, number>,
    impostor: { verified: 0, needs_review: 0, rejected: 0 } as Record<FaceDecision, number>,
  };
  for (const pair of pairs)
    counts[pair.genuine ? 'genuine' : 'impostor'][gatedDecision(pair.similarity, pair.passed, thresholds)]++;
  return counts;
}

/** The element-wise mean of descriptors (their centroid). */
export function meanEmbedding(embeddings: readonly ArrayLike<number>[]): number[] {
  const [first] = embeddings;
  if (!first) throw new Error('No descriptor to average');
  const mean = new Array<number>(first.length).fill(0);
  for (const e of embeddings)
    for (let i = 0; i < mean.length; i++)
      mean[i] = (mean[i] as number) + (e[i] as number) / embeddings.length;
  return mean;
}

export interface EnrolmentScore {
  selfie: string;
  identity: string;
  genuine: boolean;
  /** Best similarity over the enrolled photos (what the check-in uses). */
  best: number;
  /** Similarity with the mean of the enrolled descriptors. */
  mean: number;
}

/**
 * Every photo as a selfie against every identity's enrolment (its other photos): the best
 * enrolled photo against the mean of the enrolled descriptors. A photo is never in its own
 * enrolment; an identity left with no photo is skipped.
 */
export function bestAgainstMean(items: LabelledEmbedding[]): EnrolmentScore[] {
  const identities = [...new Set(items.map((i) => identityOf(i.file)))];
  const scores: EnrolmentScore[] = [];
  for (const selfie of items) {
    for (const identity of identities) {
      const enrolled = items
        .filter((i) => i !== selfie && identityOf(i.file) === identity)
        .map((i) => i.embedding);
      if (enrolled.length === 0) continue;
      scores.push({
        selfie: selfie.file,
        identity,
        genuine: identityOf(selfie.file) === identity,
        best: Math.max(...enrolled.map((e) => compareEmbeddings(e, selfie.embedding))),
        mean: compareEmbeddings(meanEmbedding(enrolled), selfie.embedding),
      });
    }
  }
  return scores;
}
