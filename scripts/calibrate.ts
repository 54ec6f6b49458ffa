// Fits the confidence model (answering/confidence.ts) on labelled questions and writes
// src/answering/calibration.json. Re-run after changing the knowledge base, analysis or ranking:
//   npm run calibrate [-- --questions test/eval/seed-questions.jsonl]
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { confidenceFeatures, confidenceOf, FEATURES, type Calibration } from '../src/answering/confidence.js';
import { loadLabelledQuestions } from '../src/answering/evaluate-answers.js';
import { openDatabase } from '../src/database/open-database.js';
import { indexKnowledge } from '../src/knowledge/index-knowledge.js';
import { createLogger } from '../src/logger.js';

const { values } = parseArgs({
  options: {
    questions: { type: 'string', default: 'test/eval/seed-questions.jsonl' },
    knowledge: { type: 'string', default: 'knowledge' },
  },
});
const questions = loadLabelledQuestions(values.questions);
const knowledge = indexKnowledge(openDatabase(':memory:'), values.knowledge, createLogger('silent'));

// The label is "the best entry is the right answer": unanswerable questions and answerable ones
// ranked wrong should both fall back rather than show a wrong entry.
const samples = questions.map((item) => {
  const best = knowledge.search(item.q, 1).hits[0];
  const features = best ? confidenceFeatures(best) : undefined;
  return { best, x: FEATURES.map((f) => features?.[f] ?? 0), y: best && best.id === item.expect ? 1 : 0 };
});

// Logistic regression by gradient descent, with a small L2 penalty against over-confident weights.
let w = FEATURES.map(() => 0);
let b = 0;
const rate = 0.1, l2 = 0.01;
for (let step = 0; step < 20000; step++) {
  const gw = w.map(() => 0);
  let gb = 0;
  for (const { x, y } of samples) {
    const p = 1 / (1 + Math.exp(-x.reduce((z, xi, i) => z + w[i]! * xi, b)));
    x.forEach((xi, i) => (gw[i]! += (p - y) * xi));
    gb += p - y;
  }
  w = w.map((wi, i) => wi - rate * (gw[i]! / samples.length + l2 * wi));
  b -= (rate * gb) / samples.length;
}
const round = (x: number) => Math.round(x * 1e4) / 1e4;
const weights = Object.fromEntries(FEATURES.map((f, i) => [f, round(w[i]!)])) as Calibration['weights'];
const fitted: Calibration = { bias: round(b), weights, threshold: 0.5 };

// The threshold that makes the most right decisions (answer when right, fall back otherwise);
// on a tie the higher, more cautious one.
const scored = samples.map((s) => ({ p: confidenceOf(s.best, fitted), y: s.y }));
let bestThreshold = 0.5, bestRight = -1;
for (let t = 0.05; t <= 0.951; t += 0.01) {
  const right = scored.filter((s) => (s.p >= t ? s.y === 1 : s.y === 0)).length;
  if (right >= bestRight) [bestThreshold, bestRight] = [t, right];
}
const calibration = {
  note: 'Written by `npm run calibrate`; do not edit by hand.',
  fittedOn: { questions: values.questions, samples: samples.length, positives: samples.filter((s) => s.y).length },
  bias: fitted.bias,
  weights,
  threshold: round(bestThreshold),
  rightDecisions: round(bestRight / samples.length),
};
writeFileSync(fileURLToPath(new URL('../src/answering/calibration.json', import.meta.url)), `${JSON.stringify(calibration, null, 2)}\n`);
console.log(JSON.stringify(calibration, null, 2));
