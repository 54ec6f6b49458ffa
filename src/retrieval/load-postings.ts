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

/** Each term's postings with its count in each column (title, questions, body), as stored. */
export interface StoredPostings {
  terms: string[];
  offsets: Int32Array;
  docs: Int32Array;
  /** Three counts per posting: title, questions, body. */
  counts: Uint16Array;
  /** Unit rowids, ascending: dense document n is rowids[n]. */
  rowids: Int32Array;
}

/** What the index build wrote for one unit: the terms of each column, in order, repeats kept. */
export interface UnitTerms {
  rowid: number;
  columns: [title: string[], questions: string[], body: string[]];
}

/** Postings from the terms the index build analysed: the same as FTS5's, without reading it back. */
export function collectPostings(units: UnitTerms[]): StoredPostings {
  const sorted = [...units].sort((a, b) => a.rowid - b.rowid);
  const byTerm = new Map<string, number[]>();
  sorted.forEach(({ columns }, doc) => {
    const local = new Map<string, [number, number, number]>();
    columns.forEach((terms, column) => {
      for (const term of terms) {
        let counts = local.get(term);
        if (!counts) local.set(term, (counts = [0, 0, 0]));
        counts[column]!++;
      }
    });
    // Documents are visited in order, so each term's postings stay ascending.
    for (const [term, [title, questions, body]] of local) {
      let list = byTerm.get(term);
      if (!list) byTerm.set(term, (list = []));
      list.push(doc, title, questions, body);
    }
  });
  const terms = [...byTerm.keys()];
  const offsets = new Int32Array(terms.length + 1);
  let total = 0;
  terms.forEach((term, n) => {
    offsets[n] = total;
    total += byTerm.get(term)!.length / 4;
  });
  offsets[terms.length] = total;
  const docs = new Int32Array(total);
  const counts = new Uint16Array(total * 3);
  terms.forEach((term, n) => {
    const list = byTerm.get(term)!;
    for (let i = 0, at = offsets[n]!; i < list.length; i += 4, at++) {
      docs[at] = list[i]!;
      counts.set([list[i + 1]!, list[i + 2]!, list[i + 3]!], at * 3);
    }
  });
  return { terms, offsets, docs, counts, rowids: Int32Array.from(sorted, (u) => u.rowid) };
}

/** Writes both kinds of postings with the index they belong to (inside its transaction). */
export function storePostings(db: Db, kind: 'stem' | 'gram', postings: StoredPostings, contentHash: string): void {
  const blob = (a: Int32Array | Uint16Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  db.prepare('INSERT OR REPLACE INTO postings (kind, content_hash, terms, offsets, docs, counts, rowids) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    kind,
    contentHash,
    JSON.stringify(postings.terms),
    blob(postings.offsets),
    blob(postings.docs),
    blob(postings.counts),
    blob(postings.rowids),
  );
}

// A blob from SQLite may sit at any byte offset: copied into a buffer of its own, it can be viewed
// as the typed array it was written from.
const view = <T>(blob: Buffer, As: new (buffer: ArrayBuffer) => T): T => new As(new Uint8Array(blob).buffer);

/** The postings written with the current index, or undefined (an index built by older code). */
function readStoredPostings(db: Db, kind: 'stem' | 'gram'): StoredPostings | undefined {
  const row = db
    .prepare("SELECT p.terms, p.offsets, p.docs, p.counts, p.rowids FROM postings p JOIN index_meta m ON m.key = 'content_hash' AND m.value = p.content_hash WHERE p.kind = ?")
    .get(kind) as { terms: string; offsets: Buffer; docs: Buffer; counts: Buffer; rowids: Buffer } | undefined;
  if (!row) return undefined;
  return {
    terms: JSON.parse(row.terms) as string[],
    offsets: view(row.offsets, Int32Array),
    docs: view(row.docs, Int32Array),
    counts: view(row.counts, Uint16Array),
    rowids: view(row.rowids, Int32Array),
  };
}

/** The column-weighted index of stored postings. */
export function weighPostings(stored: StoredPostings, weights: ColumnWeights): InvertedIndex {
  const { terms, offsets, docs, counts } = stored;
  const rowids = Array.from(stored.rowids);
  const lengths = new Float32Array(rowids.length);
  const tfs = new Float32Array(docs.length);
  for (let i = 0; i < docs.length; i++) {
    const [title, questions, body] = [counts[i * 3]!, counts[i * 3 + 1]!, counts[i * 3 + 2]!];
    tfs[i] = weights.title * title + weights.questions * questions + weights.body * body;
    lengths[docs[i]!]! += title + questions + body;
  }
  const total = lengths.reduce((sum, n) => sum + n, 0);
  return { terms: new Map(terms.map((t, n) => [t, n])), offsets, docs, tfs, rowids, lengths, averageLength: rowids.length ? total / rowids.length : 0 };
}

/** The postings of one FTS5 index: those written with it, else read back from FTS5 itself. */
export function loadPostings(db: Db, instances: 'stem_instances' | 'gram_instances', weights: ColumnWeights): InvertedIndex {
  const stored = readStoredPostings(db, instances === 'stem_instances' ? 'stem' : 'gram');
  return stored ? weighPostings(stored, weights) : readFtsPostings(db, instances, weights);
}

/** Reads every term occurrence from an `fts5vocab(..., 'instance')` table into postings. */
export function readFtsPostings(db: Db, instances: 'stem_instances' | 'gram_instances', weights: ColumnWeights): InvertedIndex {
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
