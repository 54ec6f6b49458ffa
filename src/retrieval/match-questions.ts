import type { Db } from '../database/open-database.js';
import { analyzeText, type Analysis } from './analyze-text.js';
import { termsOf } from './build-index.js';
import type { InvertedIndex } from './load-postings.js';
import { idf } from './rank-bm25.js';

// FAQ retrieval's strongest signal: how close a new question is to a question the entry is known
// to answer. BM25 over a whole entry cannot see it, because every entry about the community police
// repeats «الشرطة المجتمعية»; a short curated question that is almost the citizen's own is decisive.

/** Similarity to the entry's own questions, and to the questions of this paragraph alone. */
export type QuestionMatcher = (analysis: Analysis, doc: number) => { entry: number; paragraph: number };

/** Term → the known questions that contain it, and each question's total term weight. */
interface QuestionPostings {
  byTerm: Map<string, number[]>;
  total: Float64Array;
}

/** Loads each entry's curated questions; the matcher returns the best similarity (0..1). */
export function createQuestionMatcher(db: Db, stemIndex: InvertedIndex, gramIndex: InvertedIndex): QuestionMatcher {
  // Documents are units (paragraphs); questions belong to entries. Each entry gets a dense number,
  // and each unit finds its entry's.
  // A question of the entry counts for each of its paragraphs; a paragraph's own question for it.
  const unitOf = new Map(db.prepare('SELECT rowid, entry_rowid, position FROM units').raw().all().map((r) => {
    const [unit, entry, position] = r as [number, number, number];
    return [unit, { entry, position }] as const;
  }));
  const entryRowids = [...new Set(stemIndex.rowids.map((unit) => unitOf.get(unit)!.entry))];
  const dense = new Map(entryRowids.map((rowid, i) => [rowid, i]));
  const entryOfDoc = Int32Array.from(stemIndex.rowids, (unit) => dense.get(unitOf.get(unit)!.entry)!);
  const positionOfDoc = Int32Array.from(stemIndex.rowids, (unit) => unitOf.get(unit)!.position);
  const n = stemIndex.rowids.length;
  // IDF per term, computed once: every question is compared with every curated question.
  const memo = (index: InvertedIndex) => {
    const cache = new Map<string, number>();
    return (t: string) => {
      let w = cache.get(t);
      if (w === undefined) cache.set(t, (w = idf(n, index.terms.get(t)?.docs.length ?? 0)));
      return w;
    };
  };
  const stemWeight = memo(stemIndex);
  const gramWeight = memo(gramIndex);

  const rows = (db.prepare('SELECT entry_rowid, text, paragraph FROM entry_questions').raw().all() as [number, string, number | null][]).filter(([rowid]) => dense.has(rowid));
  const docOf = Int32Array.from(rows, ([rowid]) => dense.get(rowid)!);
  const paragraphOf = Int32Array.from(rows, ([, , paragraph]) => paragraph ?? -1);
  const postings = (termsOfQuestion: (a: Analysis) => Iterable<string>, weight: (t: string) => number): QuestionPostings => {
    const byTerm = new Map<string, number[]>();
    const total = new Float64Array(rows.length);
    rows.forEach(([, text], q) => {
      for (const t of new Set(termsOfQuestion(analyzeText(text)))) {
        total[q]! += weight(t);
        const list = byTerm.get(t);
        if (list) list.push(q);
        else byTerm.set(t, [q]);
      }
    });
    return { byTerm, total };
  };
  const stems = postings(termsOf, stemWeight);
  const grams = postings((a) => a.grams, gramWeight);

  /** Weighted Jaccard of the question with every known one: Σ shared / (Σ query + Σ known − Σ shared). */
  const jaccards = (terms: Iterable<string>, p: QuestionPostings, weight: (t: string) => number) => {
    const shared = new Float64Array(rows.length);
    let queryTotal = 0;
    for (const t of new Set(terms)) {
      const w = weight(t);
      queryTotal += w;
      for (const q of p.byTerm.get(t) ?? []) shared[q]! += w;
    }
    return shared.map((s, q) => {
      const union = queryTotal + p.total[q]! - s;
      return union === 0 ? 0 : s / union;
    });
  };

  // Called for every candidate entry of the same question in a row: score all known questions once,
  // through postings, instead of comparing term sets entry by entry.
  let last: { analysis: Analysis; best: Float64Array; own: Map<string, number> } | undefined;
  return (analysis, doc) => {
    if (last?.analysis !== analysis) {
      const s = jaccards(termsOf(analysis), stems, stemWeight);
      const g = jaccards(analysis.grams, grams, gramWeight);
      const best = new Float64Array(entryRowids.length);
      const own = new Map<string, number>();
      for (let q = 0; q < rows.length; q++) {
        const sim = (s[q]! + g[q]!) / 2;
        if (paragraphOf[q]! < 0) best[docOf[q]!] = Math.max(best[docOf[q]!]!, sim);
        else {
          const key = `${docOf[q]}:${paragraphOf[q]}`;
          own.set(key, Math.max(own.get(key) ?? 0, sim));
        }
      }
      last = { analysis, best, own };
    }
    const entry = entryOfDoc[doc]!;
    return { entry: last.best[entry] ?? 0, paragraph: last.own.get(`${entry}:${positionOfDoc[doc]}`) ?? 0 };
  };
}
