import type { Db } from '../database/open-database.js';
import { analyzeText, type Analysis } from './analyze-text.js';
import { termsOf } from './build-index.js';
import { documentFrequency, type InvertedIndex } from './load-postings.js';
import { idf } from './rank-bm25.js';

// FAQ retrieval's strongest signal: how close a new question is to a question the entry is known
// to answer. BM25 over a whole entry cannot see it, because every entry about the community police
// repeats «الشرطة المجتمعية»; a short curated question that is almost the citizen's own is decisive.

export interface QuestionMatcher {
  /** Dense entry number of each document (unit), and how many entries there are. */
  entryOfDoc: Int32Array;
  entryCount: number;
  /**
   * Similarity (0..1) of the question to each entry's own questions (`entry`, by entry number) and
   * to each paragraph's own questions (`paragraph`, by document). The arrays are reused by the
   * next call: read them before asking again.
   */
  match(analysis: Analysis): { entry: Float64Array; paragraph: Float64Array };
}

/**
 * Term → the known questions that contain it (`questions` from `offsets[n]` to `offsets[n + 1]`
 * for term number n: one flat array, as in load-postings.ts), and each question's total weight.
 */
interface QuestionPostings {
  terms: Map<string, number>;
  offsets: Int32Array;
  questions: Int32Array;
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
      if (w === undefined) cache.set(t, (w = idf(n, documentFrequency(index, t))));
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
    const terms = new Map<string, number>();
    const offsets: number[] = [];
    const questions: number[] = [];
    for (const [t, list] of byTerm) {
      terms.set(t, offsets.push(questions.length) - 1);
      for (const q of list) questions.push(q);
    }
    offsets.push(questions.length);
    return { terms, offsets: Int32Array.from(offsets), questions: Int32Array.from(questions), total };
  };
  const stems = postings(termsOf, stemWeight);
  const grams = postings((a) => a.grams, gramWeight);

  // A paragraph's own questions score for that paragraph's unit: resolved to a dense document
  // number here, once, so that answering does no string keys per known question.
  const docOfParagraph = new Map<string, number>();
  for (let d = 0; d < n; d++) docOfParagraph.set(`${entryOfDoc[d]}:${positionOfDoc[d]}`, d);
  const ownDocOf = Int32Array.from(rows, (_, q) => (paragraphOf[q]! < 0 ? -1 : docOfParagraph.get(`${docOf[q]}:${paragraphOf[q]}`) ?? -1));

  /** Σ shared term weight of the question with every known one, into `shared`; returns Σ query. */
  const sharedWeights = (terms: Iterable<string>, p: QuestionPostings, weight: (t: string) => number, shared: Float64Array) => {
    shared.fill(0);
    let queryTotal = 0;
    for (const t of new Set(terms)) {
      const w = weight(t);
      queryTotal += w;
      const n = p.terms.get(t);
      if (n !== undefined) for (let i = p.offsets[n]!; i < p.offsets[n + 1]!; i++) shared[p.questions[i]!]! += w;
    }
    return queryTotal;
  };
  /** Weighted Jaccard: Σ shared / (Σ query + Σ known − Σ shared). */
  const jaccard = (shared: number, queryTotal: number, known: number) => {
    const union = queryTotal + known - shared;
    return union === 0 ? 0 : shared / union;
  };

  const s = new Float64Array(rows.length);
  const g = new Float64Array(rows.length);
  const best = new Float64Array(entryRowids.length);
  const own = new Float64Array(n);
  return {
    entryOfDoc,
    entryCount: entryRowids.length,
    match(analysis) {
      const sq = sharedWeights(termsOf(analysis), stems, stemWeight, s);
      const gq = sharedWeights(analysis.grams, grams, gramWeight, g);
      best.fill(0);
      own.fill(0);
      for (let q = 0; q < rows.length; q++) {
        if (s[q] === 0 && g[q] === 0) continue;
        const sim = (jaccard(s[q]!, sq, stems.total[q]!) + jaccard(g[q]!, gq, grams.total[q]!)) / 2;
        const target = ownDocOf[q]!;
        if (paragraphOf[q]! < 0) best[docOf[q]!] = Math.max(best[docOf[q]!]!, sim);
        else if (target >= 0) own[target] = Math.max(own[target]!, sim);
      }
      return { entry: best, paragraph: own };
    },
  };
}
