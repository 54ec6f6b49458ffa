import type { Db } from '../database/open-database.js';
import { analyzeText, type Analysis } from './analyze-text.js';
import { termsOf } from './build-index.js';
import { loadPostings, type ColumnWeights } from './load-postings.js';
import { createQuestionMatcher } from './match-questions.js';
import type { EntryModel } from './entry-model.js';
import { rankBm25, type Bm25Scores } from './rank-bm25.js';

export interface Coverage {
  /** IDF-weighted share of the question's stems and stem pairs found in the entry (0..1). */
  stems: number;
  /** IDF-weighted share of the question's character n-grams found in the entry (0..1). */
  grams: number;
}

export interface SearchHit {
  rowid: number;
  id: string;
  /** The entry's best-matching paragraph (0: the lead). */
  passage: number;
  /** Fused score: each BM25 ranking scaled by its best hit, plus the coverage bonus. */
  score: number;
  coverage: Coverage;
  /** Similarity to the closest of the entry's curated questions (0..1; 0 when it has none). */
  questionMatch: number;
  /** The paragraph whose own questions (`paragraph_questions:`) are closest, and how close. */
  paragraphMatch: { passage: number; similarity: number };
  /** Raw BM25 of each ranking: absolute match strength, used by the confidence. */
  bm25: Coverage;
  /** The learned model's probability that this entry answers (0 without a model). */
  model: number;
  /**
   * Share of the four signals (the learned model, the curated questions, stem BM25 and n-gram BM25)
   * that rank this entry first: when they agree, the answer is far likelier to be right.
   */
  agreement: number;
}

export interface SearchResult {
  analysis: Analysis;
  hits: SearchHit[];
}

export interface RankingWeights {
  /** Share of the stem ranking in the fused score; the n-gram ranking gets the rest. */
  stemShare: number;
  /** BM25 term-frequency weight of each column: title and questions count above the body. */
  columns: ColumnWeights;
  /** Bonus for the share of the question the candidate covers. */
  coverage: Coverage;
  /** Bonus for closeness to one of the entry's curated questions. */
  questionMatch: number;
  /** Bonus for the learned model's probability of the entry (entry-model.ts). */
  model: number;
}

// Chosen on pooled-ar with `npm run bench:retrieval` (README): fusing the stem and n-gram
// rankings, then adding coverage, beat either ranking alone by 2-4 points of R@1. The question
// match weight was chosen on the seed questions (`npm run eval`: top-1 86% without it, 94% with 2).
export const DEFAULT_WEIGHTS: RankingWeights = {
  stemShare: 0.25,
  columns: { title: 3, questions: 3, body: 1 },
  coverage: { stems: 0.3, grams: 0.8 },
  questionMatch: 2,
  model: 0.3,
};

// Bounds keep a 10,000-character message as fast as a short one; a question's meaning is in its
// first few dozen content words.
const MAX_STEM_TERMS = 64;
const MAX_GRAMS = 240;

export type Searcher = (question: string, limit?: number) => SearchResult;

/** Loads the index once; the returned function answers queries from memory. */
export function createSearcher(db: Db, weights: RankingWeights = DEFAULT_WEIGHTS, entryModel?: EntryModel): Searcher {
  const stemIndex = loadPostings(db, 'stem_instances', weights.columns);
  const gramIndex = loadPostings(db, 'gram_instances', weights.columns);
  // Each document is a unit, one paragraph of an entry; hits are entries, by their best unit.
  const units = new Map(
    (db.prepare('SELECT u.rowid, e.id, u.position FROM units u JOIN entries e ON e.rowid = u.entry_rowid').raw().all() as [number, string, number][]).map(
      ([unit, id, position]) => [unit, { id, position }],
    ),
  );
  const rowids = stemIndex.rowids;
  const questions = createQuestionMatcher(db, stemIndex, gramIndex);
  // Scoring runs over every matched unit of every question (n-grams match nearly all of them):
  // dense numbers and typed arrays, reused, keep it allocation-free.
  const { entryOfDoc, entryCount } = questions;
  const idOfEntry: string[] = [];
  const positionOfDoc = Int32Array.from(rowids, (rowid, doc) => {
    const unit = units.get(rowid)!;
    idOfEntry[entryOfDoc[doc]!] = unit.id;
    return unit.position;
  });
  const modelSlotOfEntry = Int32Array.from(idOfEntry, (id) => entryModel?.entries.indexOf(id) ?? -1);
  const score = new Float64Array(rowids.length);
  const bestDoc = new Int32Array(entryCount);
  const closestDoc = new Int32Array(entryCount);

  return function search(question, limit = 10) {
    if (limit <= 0) return { analysis: analyzeText(question), hits: [] };
    const analysis = analyzeText(question);
    const stems = rankBm25(stemIndex, [...new Set(termsOf(analysis))].slice(0, MAX_STEM_TERMS));
    const grams = rankBm25(gramIndex, [...new Set(analysis.grams)].slice(0, MAX_GRAMS));
    const best = (r: Bm25Scores) => r.matched.reduce((max, d) => Math.max(max, r.scores[d]!), 0);
    const bestStem = best(stems) || 1;
    const bestGram = best(grams) || 1;
    const share = (r: Bm25Scores, doc: number) => (r.totalIdf ? r.covered[doc]! / r.totalIdf : 0);
    const learned = entryModel?.probabilities(question);
    const modelOf = (entry: number) => (learned && modelSlotOfEntry[entry]! >= 0 ? learned[modelSlotOfEntry[entry]!]! : 0);
    const { entry: questionMatch, paragraph } = questions.match(analysis);
    bestDoc.fill(-1);
    closestDoc.fill(-1);
    const visit = (doc: number) => {
      const entry = entryOfDoc[doc]!;
      // Paragraph questions choose the paragraph within an entry; they do not rank entries, where
      // near-identical questions of neighbouring entries would only add noise (measured: README).
      score[doc] =
        weights.model * modelOf(entry) +
        weights.questionMatch * questionMatch[entry]! +
        (weights.stemShare * stems.scores[doc]!) / bestStem +
        ((1 - weights.stemShare) * grams.scores[doc]!) / bestGram +
        weights.coverage.stems * share(stems, doc) +
        weights.coverage.grams * share(grams, doc);
      // The entry scores as its best unit (the first on a tie); the paragraph whose own questions
      // are closest is kept apart (answer-with-entry.ts).
      const previous = bestDoc[entry]!;
      if (previous < 0 || score[doc]! > score[previous]!) bestDoc[entry] = doc;
      const near = closestDoc[entry]!;
      if (near < 0 || paragraph[doc]! > paragraph[near]!) closestDoc[entry] = doc;
    };
    for (const doc of stems.matched) visit(doc);
    // Grams match a superset of units in practice, but not by construction: skip those seen.
    for (const doc of grams.matched) if (stems.covered[doc] === 0) visit(doc);
    // Which entry each signal ranks first, for `agreement`.
    const firstOf = (value: (entry: number) => number) => {
      let best = -1;
      for (let entry = 0; entry < entryCount; entry++) if (bestDoc[entry]! >= 0 && (best < 0 || value(entry) > value(best))) best = entry;
      return best;
    };
    const leaders = [
      firstOf(modelOf),
      firstOf((entry) => questionMatch[entry]!),
      firstOf((entry) => stems.scores[bestDoc[entry]!]!),
      firstOf((entry) => grams.scores[bestDoc[entry]!]!),
    ];
    // Only the best `limit` entries become hits: building all of them cost more than ranking.
    const ranked: number[] = [];
    for (let entry = 0; entry < entryCount; entry++) {
      const doc = bestDoc[entry]!;
      if (doc < 0) continue;
      if (ranked.length === limit && score[doc]! <= score[bestDoc[ranked[limit - 1]!]!]!) continue;
      // Insert in order (a stable sort would keep the lower entry number first on a tie: so does this).
      let at = ranked.length;
      while (at > 0 && score[bestDoc[ranked[at - 1]!]!]! < score[doc]!) at--;
      ranked.splice(at, 0, entry);
      if (ranked.length > limit) ranked.pop();
    }
    const hits = ranked.map((entry): SearchHit => {
      const doc = bestDoc[entry]!;
      const id = idOfEntry[entry]!;
      const near = closestDoc[entry]!;
      return {
        rowid: rowids[doc]!,
        id,
        passage: positionOfDoc[doc]!,
        score: score[doc]!,
        coverage: { stems: share(stems, doc), grams: share(grams, doc) },
        questionMatch: questionMatch[entry]!,
        paragraphMatch: { passage: positionOfDoc[near]!, similarity: paragraph[near]! },
        bm25: { stems: stems.scores[doc]!, grams: grams.scores[doc]! },
        model: modelOf(entry),
        agreement: leaders.filter((leader) => leader === entry).length / leaders.length,
      };
    });
    return { analysis, hits };
  };
}
