import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerQuestion } from '../../src/answering/answer-question.js';
import { evaluateAnswers, kindGroup, loadLabelledQuestions, type EvalMetrics } from '../../src/answering/evaluate-answers.js';
import type { Answer } from '../../src/answering/answer.js';
import { composeAnswer } from '../../src/answering/compose-answer.js';
import type { Translate } from '../../src/i18n/create-i18n.js';
import { shippedEngine } from '../support/knowledge-app.js';

// Floors at or a little under today's numbers (README, `npm run eval`): a change to analysis,
// ranking, calibration, the urgent lexicon or the knowledge that makes citizens' questions go
// unanswered, wrongly answered, or a person in danger answered like a curious reader, fails CI.
const questions = loadLabelledQuestions('test/eval');
let metrics: EvalMetrics;
let blind: EvalMetrics;
let tune: EvalMetrics;
// One index of the shipped knowledge for every set.
beforeAll(async () => {
  const { answerQuestion, translate }: { answerQuestion: AnswerQuestion; translate: Translate } = await shippedEngine();
  metrics = evaluateAnswers(answerQuestion, questions);
  blind = evaluateAnswers(answerQuestion, loadLabelledQuestions('test/eval-blind'));
  const textOf = (a: Answer) => composeAnswer(a, translate(a.uiLanguage), { sources: false });
  tune = evaluateAnswers(answerQuestion, loadLabelledQuestions('test/eval-sources-2/tune'), textOf);
});

describe('the labelled citizen messages in test/eval', () => {
  it('hold at least 200 answerable, 40 off-topic, 60 urgent and 60 alarming-but-not-urgent messages', () => {
    expect(metrics.answerable).toBeGreaterThanOrEqual(200);
    expect(metrics.unanswerable).toBeGreaterThanOrEqual(40);
    expect(metrics.urgentCount).toBeGreaterThanOrEqual(60);
    expect(metrics.alarmingCount).toBeGreaterThanOrEqual(60);
    const groups = new Set(questions.filter((q) => q.expect).map((q) => kindGroup(q.kind)));
    expect([...groups].sort()).toEqual(['dialect', 'msa', 'noisy', 'other languages']);
  });

  it('rank the right entry first for at least 95% of answerable questions, and in the top 3 for 98%', () => {
    expect(metrics.top1).toBeGreaterThanOrEqual(0.95);
    expect(metrics.recallAt3).toBeGreaterThanOrEqual(0.98);
  });

  // The threshold is calibrated on this set, test/eval-blind and the tune half of the
  // source-written set together (scripts/calibrate.ts); that set's near-miss off-topic questions
  // raised it, trading answerable questions here (90.2% answered right before) for fewer guesses.
  it('answer at least 80% of answerable questions with the right entry', () => {
    expect(metrics.answeredCorrectly).toBeGreaterThanOrEqual(0.8);
  });

  it('fall back on at least 90% of off-topic questions, and on at most 14% of answerable ones', () => {
    expect(metrics.fallbackRecall).toBeGreaterThanOrEqual(0.9);
    // Not fallback precision: with ten answerable questions for each off-topic one it mostly
    // measures that ratio. The share of answerable questions left unanswered is what citizens feel.
    const unanswered = metrics.misses.filter((m) => m.why === 'fell back').length / metrics.answerable;
    expect(unanswered).toBeLessThanOrEqual(0.14);
  });

  it('call every urgent message urgent, and at most 2% of the others', () => {
    expect(metrics.misses.filter((m) => m.why === 'urgent missed')).toEqual([]);
    expect(metrics.urgentRecall).toBe(1);
    expect(metrics.urgentFalsePositiveRate).toBeLessThanOrEqual(0.02);
    expect(metrics.alarmingFalsePositiveRate).toBeLessThanOrEqual(0.02);
  });

  it('rank MSA, dialect, noisy and other-language questions first at least 80% of the time each', () => {
    for (const group of ['msa', 'dialect', 'noisy', 'other languages']) expect(metrics.byGroup[group]!.top1).toBeGreaterThanOrEqual(0.8);
  });
});

// test/eval-blind was written by someone who saw each entry's title and lead but not its
// `questions:`, after the knowledge was tuned on test/eval: the honest estimate of how the bot does
// on questions nobody tuned for. Entries must never be edited to fit it; when its numbers are used
// for tuning, it moves to test/eval and a new blind set replaces it. Floors sit about 5 points under.
describe('the blind citizen questions in test/eval-blind', () => {
  it('rank the right entry first for at least 82% and in the top 3 for 88%, and decline 80% of off-topic ones', () => {
    expect(blind.answerable).toBeGreaterThanOrEqual(150);
    expect(blind.top1).toBeGreaterThanOrEqual(0.82);
    expect(blind.recallAt3).toBeGreaterThanOrEqual(0.88);
    expect(blind.fallbackRecall).toBeGreaterThanOrEqual(0.8);
  });
});

// The tune half of the set written from ../shared/sources/ alone, graded by the fact in the text
// a citizen reads. Its sealed half is never run here: it is measured once per release, by hand.
describe('the tune half of the source-written questions in test/eval-sources-2/tune', () => {
  it('carry the asked-for fact in at least 65% of answers, catch every emergency and raise at most 2% of calm messages', () => {
    expect(tune.facts.graded).toBeGreaterThanOrEqual(150);
    expect(tune.facts.carried).toBeGreaterThanOrEqual(0.65);
    expect(tune.urgentRecall).toBe(1);
    expect(tune.alarmingFalsePositiveRate).toBeLessThanOrEqual(0.02);
    expect(tune.fallbackRecall).toBeGreaterThanOrEqual(0.85);
  });
});
