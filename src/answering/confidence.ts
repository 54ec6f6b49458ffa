import type { SearchHit } from '../retrieval/search-index.js';
import calibration from './calibration.json' with { type: 'json' };

export const FEATURES = ['stems', 'grams', 'strength', 'question'] as const;
export type Feature = (typeof FEATURES)[number];

export interface Calibration {
  bias: number;
  weights: Record<Feature, number>;
  /** Below this confidence the bot falls back instead of answering. */
  threshold: number;
}

export const CALIBRATION: Calibration = calibration;

/** Features of the best hit that predict whether it answers the question. */
export function confidenceFeatures(hit: SearchHit): Record<Feature, number> {
  return {
    // How much of the question the entry covers, by stems and by character n-grams,
    stems: hit.coverage.stems,
    grams: hit.coverage.grams,
    // how strongly (the raw stem BM25, log-scaled),
    strength: Math.log1p(hit.bm25.stems),
    // and how close the question is to one the entry is curated to answer.
    question: hit.questionMatch,
  };
}

/**
 * Probability that the best hit answers the question, from a logistic model fitted on the labelled
 * questions (scripts/calibrate.ts); 0 when nothing matched.
 */
export function confidenceOf(hit: SearchHit | undefined, c: Calibration = CALIBRATION): number {
  if (!hit) return 0;
  const x = confidenceFeatures(hit);
  const z = FEATURES.reduce((sum, f) => sum + c.weights[f] * x[f], c.bias);
  return 1 / (1 + Math.exp(-z));
}
