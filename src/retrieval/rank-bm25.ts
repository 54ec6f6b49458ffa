import type { InvertedIndex } from './load-postings.js';

export interface Bm25Scores {
  /** BM25 score per dense document number (0 where no term matched). */
  scores: Float64Array;
  /** Sum of the IDF of the query terms each document contains. */
  covered: Float64Array;
  /** Sum of the IDF of all query terms, including those found nowhere. */
  totalIdf: number;
  /** Documents with at least one matching term. */
  matched: number[];
}

// The usual Okapi parameters; FTS5's bm25() uses the same.
const K1 = 1.2;
const B = 0.75;

/** Lucene's always-positive IDF: a term in every document still counts a little. */
export function idf(docCount: number, df: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

/** Okapi BM25 of the distinct `terms` over every document, with IDF-weighted coverage. */
// Each document's length normalisation depends on the index alone: computed once per index.
const normsOf = new WeakMap<InvertedIndex, Float64Array>();
function norms(index: InvertedIndex): Float64Array {
  let out = normsOf.get(index);
  if (!out) {
    out = Float64Array.from(index.lengths, (length) => K1 * (1 - B + (B * length) / index.averageLength));
    normsOf.set(index, out);
  }
  return out;
}

export function rankBm25(index: InvertedIndex, terms: string[]): Bm25Scores {
  const n = index.rowids.length;
  const normOf = norms(index);
  const scores = new Float64Array(n);
  const covered = new Float64Array(n);
  const matched: number[] = [];
  let totalIdf = 0;
  for (const term of terms) {
    const number = index.terms.get(term);
    const from = number === undefined ? 0 : index.offsets[number]!;
    const to = number === undefined ? 0 : index.offsets[number + 1]!;
    const weight = idf(n, to - from);
    totalIdf += weight;
    const { docs, tfs } = index;
    for (let i = from; i < to; i++) {
      const doc = docs[i]!;
      const tf = tfs[i]!;
      if (covered[doc] === 0) matched.push(doc);
      scores[doc]! += (weight * tf * (K1 + 1)) / (tf + normOf[doc]!);
      covered[doc]! += weight;
    }
  }
  return { scores, covered, totalIdf, matched };
}
