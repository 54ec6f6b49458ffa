import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { AnswerQuestion } from './answer-question.js';

const labelled = z.object({
  q: z.string(),
  expect: z.string().nullable(),
  kind: z.string(),
});
export type LabelledQuestion = z.infer<typeof labelled>;

export function loadLabelledQuestions(path: string): LabelledQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const parsed = labelled.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

export interface EvalMetrics {
  answerable: number;
  unanswerable: number;
  /** Share of answerable questions whose best-ranked entry is the expected one. */
  top1: number;
  recallAt3: number;
  /** Share of answerable questions actually answered with the expected entry. */
  answeredCorrectly: number;
  /** Of the fallbacks given, the share that were truly unanswerable. */
  fallbackPrecision: number;
  /** Of the unanswerable questions, the share that got a fallback. */
  fallbackRecall: number;
  /** top-1 per kind of phrasing (msa, dialect, misspelled, ...). */
  top1ByKind: Record<string, number>;
  misses: { q: string; expect: string | null; got: string | null; kind: string }[];
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

export function evaluateAnswers(answerQuestion: AnswerQuestion, questions: LabelledQuestion[]): EvalMetrics {
  let top1 = 0, recall3 = 0, answeredRight = 0, fallbacks = 0, rightFallbacks = 0;
  const kinds = new Map<string, [number, number]>();
  const misses: EvalMetrics['misses'] = [];
  const answerable = questions.filter((q) => q.expect !== null).length;
  for (const item of questions) {
    const answer = answerQuestion(item.q);
    const served = answer.kind === 'answered' ? answer.entry.id : null;
    if (answer.kind !== 'answered') {
      fallbacks++;
      if (item.expect === null) rightFallbacks++;
    }
    if (served !== item.expect) misses.push({ q: item.q, expect: item.expect, got: served, kind: item.kind });
    if (item.expect === null) continue;
    const ranked = answer.hits.map((h) => h.id);
    const hit = ranked[0] === item.expect;
    const [k1, kn] = kinds.get(item.kind) ?? [0, 0];
    kinds.set(item.kind, [k1 + (hit ? 1 : 0), kn + 1]);
    if (hit) top1++;
    if (ranked.slice(0, 3).includes(item.expect)) recall3++;
    if (served === item.expect) answeredRight++;
  }
  const unanswerable = questions.length - answerable;
  return {
    answerable,
    unanswerable,
    top1: ratio(top1, answerable),
    recallAt3: ratio(recall3, answerable),
    answeredCorrectly: ratio(answeredRight, answerable),
    fallbackPrecision: ratio(rightFallbacks, fallbacks),
    fallbackRecall: ratio(rightFallbacks, unanswerable),
    top1ByKind: Object.fromEntries([...kinds].map(([kind, [hits, n]]) => [kind, hits / n])),
    misses,
  };
}
