import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerQuestion } from '../../src/answering/answer-question.js';
import { evaluateAnswers, loadLabelledQuestions, type EvalMetrics } from '../../src/answering/evaluate-answers.js';
import { shippedEngine } from '../support/knowledge-app.js';

// Floors a little under today's numbers (README, `npm run eval`): a change to analysis, ranking,
// calibration or knowledge that makes citizens' questions go unanswered or wrongly answered fails.
const questions = loadLabelledQuestions('test/eval/seed-questions.jsonl');
let metrics: EvalMetrics;
beforeAll(async () => {
  const { answerQuestion }: { answerQuestion: AnswerQuestion } = await shippedEngine();
  metrics = evaluateAnswers(answerQuestion, questions);
});

describe('the labelled seed questions', () => {
  it('cover at least 60 answerable questions in every phrasing and 20 unanswerable ones', () => {
    const kinds = new Set(questions.filter((q) => q.expect).map((q) => q.kind));
    expect(metrics.answerable).toBeGreaterThanOrEqual(60);
    expect(metrics.unanswerable).toBeGreaterThanOrEqual(20);
    expect([...kinds].sort()).toEqual(['dialect', 'misspelled', 'msa', 'nohamza']);
  });

  it('rank the right entry first for at least 90% of answerable questions, and in the top 3 for 95%', () => {
    expect(metrics.top1).toBeGreaterThanOrEqual(0.9);
    expect(metrics.recallAt3).toBeGreaterThanOrEqual(0.95);
  });

  it('answer at least 85% of answerable questions with the right entry', () => {
    expect(metrics.answeredCorrectly).toBeGreaterThanOrEqual(0.85);
  });

  it('fall back on at least 85% of unanswerable questions, and mostly only on those', () => {
    expect(metrics.fallbackRecall).toBeGreaterThanOrEqual(0.85);
    expect(metrics.fallbackPrecision).toBeGreaterThanOrEqual(0.75);
  });

  it('rank dialect, misspelled and hamza-less questions first at least 80% of the time each', () => {
    for (const kind of ['msa', 'dialect', 'misspelled', 'nohamza']) expect(metrics.top1ByKind[kind]).toBeGreaterThanOrEqual(0.8);
  });
});
