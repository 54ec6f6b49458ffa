// Which paragraph of the chosen entry answers the question. Entries open with the short answer a
// citizen usually needs, but "how many", "since when", "is it free" often ask for a figure that a
// later paragraph holds. Each paragraph is scored by the IDF-weighted share of the question's stems
// and character n-grams it contains (IDF over every paragraph of the knowledge base), and a later
// paragraph is chosen when it covers the question better than the lead (which follows it anyway).
import { analyzeText, type Analysis } from './analyze-text.js';
import { termsOf } from './build-index.js';
import { idf } from './rank-bm25.js';

/** A paragraph's distinct stems and n-grams, as sorted term numbers of the stats' vocabulary. */
export interface PassageTerms {
  stems: Int32Array;
  grams: Int32Array;
}

export interface PassageStats {
  passages: number;
  /** `s:` + stem or `g:` + n-gram → term number. */
  vocabulary: Map<string, number>;
  /** Paragraphs holding each term, by term number. */
  docs: Int32Array;
}

// Why numbers and not sets of strings: 1,800 paragraphs in three languages made half a million set
// entries (33 MB) that every garbage collection walked; sorted typed arrays hold the same in 2 MB.
/** Every paragraph's terms and the IDF statistics over all of them, in one pass. */
export function indexPassages(texts: string[]): { terms: PassageTerms[]; stats: PassageStats } {
  const vocabulary = new Map<string, number>();
  const docs: number[] = [];
  const numbers = (keys: Iterable<string>) => {
    const out: number[] = [];
    for (const key of new Set(keys)) {
      let n = vocabulary.get(key);
      if (n === undefined) vocabulary.set(key, (n = docs.push(0) - 1));
      docs[n]!++;
      out.push(n);
    }
    return Int32Array.from(out).sort();
  };
  const terms = texts.map((text) => {
    const analysis = analyzeText(text);
    return { stems: numbers(termsOf(analysis).map((t) => `s:${t}`)), grams: numbers(analysis.grams.map((g) => `g:${g}`)) };
  });
  return { terms, stats: { passages: texts.length, vocabulary, docs: Int32Array.from(docs) } };
}

function holds(sorted: Int32Array, n: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === n) return true;
    if (v < n) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

// n-grams overlap across paragraphs of one entry far more than stems do: they count less.
const GRAM_SHARE = 0.7;
// How much better than the lead another paragraph must cover the question. It was 0.05 while a
// later paragraph was shown alone; since the lead follows it as context, choosing the later one
// costs the reader little, and no margin measured best (tunable rounds 3-5: facts 68.7% -> 69.3%).
export const LEAD_ADVANTAGE = 0;

export function scorePassages(query: Analysis, passages: PassageTerms[], stats: PassageStats): number[] {
  const numbered = (keys: string[]) => {
    const ns = keys.map((key) => stats.vocabulary.get(key) ?? -1);
    return { ns, weights: ns.map((n) => idf(stats.passages, n < 0 ? 0 : stats.docs[n]!)) };
  };
  const stems = numbered([...new Set(termsOf(query))].map((t) => `s:${t}`));
  const grams = numbered([...new Set(query.grams)].map((g) => `g:${g}`));
  const totalStem = stems.weights.reduce((a, b) => a + b, 0) || 1;
  const totalGram = grams.weights.reduce((a, b) => a + b, 0) || 1;
  return passages.map((p) => {
    const s = stems.ns.reduce((sum, n, i) => sum + (n >= 0 && holds(p.stems, n) ? stems.weights[i]! : 0), 0) / totalStem;
    const g = grams.ns.reduce((sum, n, i) => sum + (n >= 0 && holds(p.grams, n) ? grams.weights[i]! : 0), 0) / totalGram;
    return (1 - GRAM_SHARE) * s + GRAM_SHARE * g;
  });
}

/** The paragraph to show: the lead unless another covers the question better. */
export function bestPassage(scores: number[]): number {
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
  return best !== 0 && scores[best]! >= scores[0]! + LEAD_ADVANTAGE ? best : 0;
}
