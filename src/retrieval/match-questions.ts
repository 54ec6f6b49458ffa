import type { Db } from '../database/open-database.js';
import { analyzeText, type Analysis } from './analyze-text.js';
import { termsOf } from './build-index.js';
import type { InvertedIndex } from './load-postings.js';
import { idf } from './rank-bm25.js';

// FAQ retrieval's strongest signal: how close a new question is to a question the entry is known
// to answer. BM25 over a whole entry cannot see it, because every entry about the community police
// repeats «الشرطة المجتمعية»; a short curated question that is almost the citizen's own is decisive.

interface KnownQuestion {
  stems: Set<string>;
  grams: Set<string>;
}

export type QuestionMatcher = (analysis: Analysis, doc: number) => number;

function weightedJaccard(query: Set<string>, known: Set<string>, weight: (t: string) => number): number {
  let shared = 0;
  let union = 0;
  for (const t of query) {
    const w = weight(t);
    union += w;
    if (known.has(t)) shared += w;
  }
  for (const t of known) if (!query.has(t)) union += weight(t);
  return union === 0 ? 0 : shared / union;
}

/** Loads each entry's curated questions; the matcher returns the best similarity (0..1). */
export function createQuestionMatcher(db: Db, stemIndex: InvertedIndex, gramIndex: InvertedIndex): QuestionMatcher {
  const dense = new Map(stemIndex.rowids.map((rowid, i) => [rowid, i]));
  const byDoc = new Map<number, KnownQuestion[]>();
  const rows = db.prepare('SELECT entry_rowid, text FROM entry_questions').raw().all() as [number, string][];
  for (const [rowid, text] of rows) {
    const doc = dense.get(rowid);
    if (doc === undefined) continue;
    const a = analyzeText(text);
    const list = byDoc.get(doc) ?? [];
    list.push({ stems: new Set(termsOf(a)), grams: new Set(a.grams) });
    byDoc.set(doc, list);
  }
  const n = stemIndex.rowids.length;
  const stemWeight = (t: string) => idf(n, stemIndex.terms.get(t)?.docs.length ?? 0);
  const gramWeight = (t: string) => idf(n, gramIndex.terms.get(t)?.docs.length ?? 0);

  return (analysis, doc) => {
    const known = byDoc.get(doc);
    if (!known) return 0;
    const stems = new Set(termsOf(analysis));
    const grams = new Set(analysis.grams);
    let best = 0;
    for (const q of known) {
      const similarity = (weightedJaccard(stems, q.stems, stemWeight) + weightedJaccard(grams, q.grams, gramWeight)) / 2;
      if (similarity > best) best = similarity;
    }
    return best;
  };
}
