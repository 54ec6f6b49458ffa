// Which paragraph of the chosen entry answers the question. Entries open with the short answer a
// citizen usually needs, but "how many", "since when", "is it free" often ask for a figure that a
// later paragraph holds. Each paragraph is scored by the IDF-weighted share of the question's stems
// and character n-grams it contains (IDF over every paragraph of the knowledge base), and a later
// paragraph replaces the lead only when it covers the question clearly better.
import { analyzeText, type Analysis } from './analyze-text.js';
import { termsOf } from './build-index.js';
import { idf } from './rank-bm25.js';

export interface PassageTerms {
  stems: Set<string>;
  grams: Set<string>;
}

export interface PassageStats {
  passages: number;
  stemDocs: Map<string, number>;
  gramDocs: Map<string, number>;
}

export function passageTerms(text: string): PassageTerms {
  const analysis = analyzeText(text);
  return { stems: new Set(termsOf(analysis)), grams: new Set(analysis.grams) };
}

export function passageStats(all: PassageTerms[]): PassageStats {
  const stemDocs = new Map<string, number>();
  const gramDocs = new Map<string, number>();
  for (const p of all) {
    for (const t of p.stems) stemDocs.set(t, (stemDocs.get(t) ?? 0) + 1);
    for (const g of p.grams) gramDocs.set(g, (gramDocs.get(g) ?? 0) + 1);
  }
  return { passages: all.length, stemDocs, gramDocs };
}

// n-grams overlap across paragraphs of one entry far more than stems do: they count less.
const GRAM_SHARE = 0.7;
// The lead is the entry's answer; another paragraph must cover the question this much better.
export const LEAD_ADVANTAGE = 0.05;

export function scorePassages(query: Analysis, passages: PassageTerms[], stats: PassageStats): number[] {
  const stems = [...new Set(termsOf(query))];
  const grams = [...new Set(query.grams)];
  const stemW = stems.map((t) => idf(stats.passages, stats.stemDocs.get(t) ?? 0));
  const gramW = grams.map((g) => idf(stats.passages, stats.gramDocs.get(g) ?? 0));
  const totalStem = stemW.reduce((a, b) => a + b, 0) || 1;
  const totalGram = gramW.reduce((a, b) => a + b, 0) || 1;
  return passages.map((p) => {
    const s = stems.reduce((sum, t, i) => sum + (p.stems.has(t) ? stemW[i]! : 0), 0) / totalStem;
    const g = grams.reduce((sum, t, i) => sum + (p.grams.has(t) ? gramW[i]! : 0), 0) / totalGram;
    return (1 - GRAM_SHARE) * s + GRAM_SHARE * g;
  });
}

/** The paragraph to show: the lead unless another covers the question clearly better. */
export function bestPassage(scores: number[]): number {
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
  return best !== 0 && scores[best]! >= scores[0]! + LEAD_ADVANTAGE ? best : 0;
}
