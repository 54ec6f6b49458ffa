// npm run eval [-- --questions FILE_OR_DIR] [--json] [--misses]
// How the engine does on labelled citizen messages (test/eval/*.jsonl by default): top-1, recall@3,
// fallback precision/recall, urgent recall and false alarms, overall and per kind of phrasing.
import { parseArgs } from 'node:util';
import { evaluateAnswers, loadLabelledQuestions } from '../answering/evaluate-answers.js';
import { runCommand } from './run-command.js';

const { values } = parseArgs({
  options: {
    questions: { type: 'string', default: 'test/eval' },
    json: { type: 'boolean', default: false },
    misses: { type: 'boolean', default: false },
  },
});

await runCommand(async (app) => {
  const m = evaluateAnswers(app.answerQuestion, loadLabelledQuestions(values.questions));
  if (values.json) {
    console.log(JSON.stringify(values.misses ? m : { ...m, misses: m.misses.length }));
    return;
  }
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
  console.log(`${values.questions}: ${m.answerable} answerable, ${m.unanswerable} off-topic, ${m.urgentCount} urgent, ${m.alarmingCount} alarming but not urgent`);
  console.log(`top-1 accuracy           ${pct(m.top1)}`);
  console.log(`recall@3                 ${pct(m.recallAt3)}`);
  console.log(`answered correctly       ${pct(m.answeredCorrectly)}`);
  console.log(`fallback precision       ${pct(m.fallbackPrecision)}`);
  console.log(`fallback recall          ${pct(m.fallbackRecall)}   (off-topic questions that fell back)`);
  console.log(`urgent recall            ${pct(m.urgentRecall)}   (category right for ${pct(m.urgentCategoryAccuracy).trim()})`);
  console.log(`urgent false positives   ${pct(m.urgentFalsePositiveRate)}   (${pct(m.alarmingFalsePositiveRate).trim()} of the alarming-but-not-urgent)`);
  console.log('\nby phrasing              top-1        urgent recall   false alarms');
  for (const [group, g] of Object.entries(m.byGroup)) {
    const top1 = g.answerable ? `${pct(g.top1)} of ${String(g.answerable).padEnd(4)}` : '     -      ';
    const recall = g.urgent ? `${pct(g.urgentRecall)} of ${String(g.urgent).padEnd(4)}` : '     -      ';
    console.log(`  ${group.padEnd(22)} ${top1}  ${recall}    ${pct(g.falsePositiveRate)} of ${g.notUrgent}`);
  }
  if (values.misses) {
    console.log('');
    for (const x of m.misses) console.log(`  ${x.why} [${x.kind}] ${x.q} → ${x.got ?? 'fallback'} (expected ${x.expect ?? 'fallback'})`);
  }
});
