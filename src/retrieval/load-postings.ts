import type { Db } from '../database/open-database.js';

// Why rank in memory: FTS5's bm25() runs once per matching row, and a question's 40-odd n-grams
// OR-ed together match nearly every passage. On pooled-ar that took 7.6 ms per question (p50)
// against well under 1 ms for the same BM25 over typed arrays. FTS5 remains the stored index (and
// the way to query it with SQL); this is a read-only copy of its postings, loaded once.

export interface InvertedIndex {
  /**
   * Each term's number: its postings are `docs` and `tfs` from `offsets[n]` to `offsets[n + 1]`.
   * One flat pair of arrays for every term, not a pair per term: with 90,000 terms, small typed
   * arrays cost 50 MB of heap that every garbage collection walked (measured: README, bench:bot).
   */
  terms: Map<string, number>;
  offsets: Int32Array;
  /** Dense document numbers (positions in `rowids`), ascending within a term. */
  docs: Int32Array;
  /** Column-weighted term frequency of the term in each of those documents. */
  tfs: Float32Array;
  /** SQLite rowid (of the unit: one paragraph of an entry) of each dense document number. */
  rowids: number[];
  /** Tokens per document, all columns. */
  lengths: Float32Array;
  averageLength: number;
}

/** How many documents contain `term`. */
export function documentFrequency(index: InvertedIndex, term: string): number {
  const n = index.terms.get(term);
  return n === undefined ? 0 : index.offsets[n + 1]! - index.offsets[n]!;
}

export type ColumnWeights = Record<'title' | 'questions' | 'body', number>;

/** Reads every term occurrence from an `fts5vocab(..., 'instance')` table into postings. */
export function loadPostings(db: Db, instances: 'stem_instances' | 'gram_instances', weights: ColumnWeights): InvertedIndex {
  const rowids = db.prepare('SELECT rowid FROM units ORDER BY rowid').pluck().all() as number[];
  const dense = new Map(rowids.map((rowid, i) => [rowid, i]));
  const lengths = new Float32Array(rowids.length);
  const terms = new Map<string, number>();
  const offsets: number[] = [];
  const docs: number[] = [];
  const tfs: number[] = [];
  let term: string | undefined;
  // The vocabulary table yields rows ordered by term, then document, then column.
  const rows = db.prepare(`SELECT term, doc, col FROM ${instances}`).raw().iterate() as Iterable<[string, number, string]>;
  for (const [t, rowid, col] of rows) {
    if (t !== term) {
      term = t;
      terms.set(t, offsets.length);
      offsets.push(docs.length);
    }
    const doc = dense.get(rowid)!;
    lengths[doc]! += 1;
    const weight = weights[col as keyof ColumnWeights] ?? 1;
    // A new document starts a posting; the same document in another column adds to it.
    if (docs.length > offsets.at(-1)! && docs[docs.length - 1] === doc) tfs[tfs.length - 1]! += weight;
    else {
      docs.push(doc);
      tfs.push(weight);
    }
  }
  offsets.push(docs.length);
  const total = lengths.reduce((sum, n) => sum + n, 0);
  return { terms, offsets: Int32Array.from(offsets), docs: Int32Array.from(docs), tfs: Float32Array.from(tfs), rowids, lengths, averageLength: rowids.length ? total / rowids.length : 0 };
}
