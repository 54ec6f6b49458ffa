// npm run eval [-- --questions FILE] [--json] [--misses]
// Top-1, recall@3 and fallback precision/recall of the engine on labelled questions.
import { parseArgs } from 'node:util';
import { evaluateAnswers, loadLabelledQuestions } from '../answering/evaluate-answers.js';
import { runCommand } from './run-command.js';

const { values } = parseArgs({
  options: {
    questions: { type: 'string', default: 'test/eval/seed-questions.jsonl' },
    json: { type: 'boolean', default: false },
    misses: { type: 'boolean', default: false },
  },
});

await runCommand(async (app) => {
  const metrics = evaluateAnswers(app.answerQuestion, loadLabelledQuestions(values.questions));
  if (values.json) {
    console.log(JSON.stringify(values.misses ? metrics : { ...metrics, misses: metrics.misses.length }));
    return;
  }
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`${values.questions}: ${metrics.answerable} answerable, ${metrics.unanswerable} unanswerable`);
  console.log(`top-1 accuracy      ${pct(metrics.top1)}`);
  console.log(`recall@3            ${pct(metrics.recallAt3)}`);
  console.log(`answered correctly  ${pct(metrics.answeredCorrectly)}`);
  console.log(`fallback precision  ${pct(metrics.fallbackPrecision)}`);
  console.log(`fallback recall     ${pct(metrics.fallbackRecall)}`);
  for (const [kind, top1] of Object.entries(metrics.top1ByKind)) console.log(`  top-1 ${kind.padEnd(12)} ${pct(top1)}`);
  if (values.misses) {
    for (const m of metrics.misses) console.log(`  miss [${m.kind}] ${m.q} → ${m.got ?? 'fallback'} (expected ${m.expect ?? 'fallback'})`);
  }
});
