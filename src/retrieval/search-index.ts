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
  const matchQuestion = createQuestionMatcher(db, stemIndex, gramIndex);

  return function search(question, limit = 10) {
    const analysis = analyzeText(question);
    const stems = rankBm25(stemIndex, [...new Set(termsOf(analysis))].slice(0, MAX_STEM_TERMS));
    const grams = rankBm25(gramIndex, [...new Set(analysis.grams)].slice(0, MAX_GRAMS));
    const best = (r: Bm25Scores) => r.matched.reduce((max, d) => Math.max(max, r.scores[d]!), 0);
    const bestStem = best(stems) || 1;
    const bestGram = best(grams) || 1;
    const share = (r: Bm25Scores, doc: number) => (r.totalIdf ? r.covered[doc]! / r.totalIdf : 0);
    const candidates = new Set([...stems.matched, ...grams.matched]);
    const byEntry = new Map<string, SearchHit>();
    const learned = entryModel?.probabilities(question);
    for (const doc of candidates) {
      const coverage = { stems: share(stems, doc), grams: share(grams, doc) };
      // Paragraph questions choose the paragraph within an entry; they do not rank entries, where
      // near-identical questions of neighbouring entries would only add noise (measured: README).
      const { entry: questionMatch, paragraph } = matchQuestion(analysis, doc);
      const unit = units.get(rowids[doc]!)!;
      const model = learned?.get(unit.id) ?? 0;
      const score =
        weights.model * model +
        weights.questionMatch * questionMatch +
        (weights.stemShare * stems.scores[doc]!) / bestStem +
        ((1 - weights.stemShare) * grams.scores[doc]!) / bestGram +
        weights.coverage.stems * coverage.stems +
        weights.coverage.grams * coverage.grams;
      const rowid = rowids[doc]!;
      const bm25 = { stems: stems.scores[doc]!, grams: grams.scores[doc]! };
      const previous = byEntry.get(unit.id);
      const own = { passage: unit.position, similarity: paragraph };
      const hit = { rowid, id: unit.id, passage: unit.position, score, coverage, questionMatch, paragraphMatch: own, bm25, model };
      if (!previous) byEntry.set(unit.id, hit);
      else {
        // The entry scores as its best unit; its paragraph questions are kept apart (answer-with-entry.ts).
        const better = score > previous.score ? hit : previous;
        const closest = own.similarity > previous.paragraphMatch.similarity ? own : previous.paragraphMatch;
        byEntry.set(unit.id, { ...better, paragraphMatch: closest });
      }
    }
    const hits = [...byEntry.values()].sort((a, b) => b.score - a.score);
    return { analysis, hits: hits.slice(0, limit) };
  };
}
