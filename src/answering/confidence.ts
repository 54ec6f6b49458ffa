import type { SearchHit } from '../retrieval/search-index.js';
import calibration from './calibration.json' with { type: 'json' };

export const FEATURES = ['stems', 'grams', 'strength', 'gramStrength', 'question', 'paragraph', 'model', 'margin', 'agreement', 'fused'] as const;
export type Feature = (typeof FEATURES)[number];

export interface Calibration {
  bias: number;
  weights: Record<Feature, number>;
  /** Below this confidence the bot falls back instead of answering. */
  threshold: number;
}

export const CALIBRATION: Calibration = calibration;

/** Features of the best hit (and how far ahead of the next it is) that predict whether it answers. */
export function confidenceFeatures(hit: SearchHit, next?: SearchHit): Record<Feature, number> {
  return {
    // How much of the question the entry covers, by stems and by character n-grams,
    stems: hit.coverage.stems,
    grams: hit.coverage.grams,
    // how strongly (the raw stem BM25, log-scaled),
    strength: Math.log1p(hit.bm25.stems),
    gramStrength: Math.log1p(hit.bm25.grams),
    // how close the question is to one the entry is curated to answer,
    question: hit.questionMatch,
    // or to a question one of its paragraphs is curated to answer,
    paragraph: hit.paragraphMatch.similarity,
    // what the learned model thinks of the entry,
    model: hit.model,
    // and whether another entry matches almost as well (then the ranking is a coin toss).
    margin: next ? Math.min(1, hit.score - next.score) : 1,
    // and how many of the rankings put it first.
    agreement: hit.agreement,
    // and the fused ranking score itself, all the evidence at once.
    fused: hit.score,
  };
}

/**
 * Probability that the best hit answers the question, from a logistic model fitted on the labelled
 * questions (scripts/calibrate.ts); 0 when nothing matched.
 */
export function confidenceOf(hits: SearchHit[], c: Calibration = CALIBRATION): number {
  const [hit, next] = hits;
  if (!hit) return 0;
  const x = confidenceFeatures(hit, next);
  const z = FEATURES.reduce((sum, f) => sum + (c.weights[f] ?? 0) * x[f], c.bias);
  return 1 / (1 + Math.exp(-z));
}
