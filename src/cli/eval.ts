// npm run eval [-- --questions FILE_OR_DIR] [--json] [--misses]
// How the engine does on labelled citizen messages (test/eval/*.jsonl by default): top-1, recall@3,
// fallback precision/recall, urgent recall and false alarms, overall and per kind of phrasing.
import { parseArgs } from 'node:util';
import { composeAnswer } from '../answering/compose-answer.js';
import { evaluateAnswers, loadLabelledQuestions } from '../answering/evaluate-answers.js';
import { runCommand } from './run-command.js';

const USAGE = 'Usage: npm run eval [-- --questions FILE_OR_DIR] [--json] [--misses]';
const { values } = (() => {
  try {
    return parseArgs({
      options: {
        questions: { type: 'string', default: 'test/eval' },
        json: { type: 'boolean', default: false },
        misses: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();

// A sealed half is measured, never read: listing its misses would make it a tuning set.
if (values.misses && /(^|\/)sealed(\/|$)/.test(values.questions)) {
  console.error(`${values.questions} is sealed: it gives figures only. Tune on the tune/ half.`);
  process.exit(1);
}

await runCommand(async (app) => {
  const textOf = (a: Parameters<typeof composeAnswer>[0]) => composeAnswer(a, app.translate(a.uiLanguage), { sources: false });
  // What a fallback's «did you mean…?» buttons would show, each answering the original question.
  const suggestedTexts = (a: Parameters<typeof composeAnswer>[0]) =>
    a.kind === 'fallback' ? a.suggestions.flatMap((s) => app.answerWithSuggestion(a.question, s.id, { uiLanguage: a.uiLanguage }) ?? []).map(textOf) : [];
  const m = evaluateAnswers(app.answerQuestion, loadLabelledQuestions(values.questions), textOf, suggestedTexts);
  if (values.json) {
    console.log(JSON.stringify(values.misses ? m : { ...m, misses: m.misses.length }));
    return;
  }
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
  const share = ([h, n]: [number, number]) => (n ? `${pct(h / n)} of ${String(n).padEnd(4)}` : '     -      ');
  if (m.facts.graded) {
    // Written from the sources alone: graded by the fact in the answer text, reported by style.
    console.log(`${values.questions}: ${m.facts.graded} answerable (graded by fact), ${m.unanswerable} off-topic, ${m.urgentCount} urgent, ${m.alarmingCount} calm`);
    console.log(`answer carries the fact   ${pct(m.facts.carried)}`);
    console.log(`  or one tap away          ${pct(m.facts.oneTap)}   (a «did you mean…?» button under a fallback carries it)`);
    console.log(`off-topic fell back       ${pct(m.fallbackRecall)}   (near misses: ${share(m.nearMisses).trim()}; with suggestions: ${share(m.offTopicSuggested).trim()})`);
    console.log(`urgent recall             ${pct(m.urgentRecall)}   (urgent or possibly urgent; as urgent ${pct(m.urgentStrictRecall).trim()}; category right for ${pct(m.urgentCategoryAccuracy).trim()})`);
    console.log(`calm raised to urgent     ${pct(m.alarmingFalsePositiveRate)}   (possibly urgent: ${pct(m.alarmingCautionedRate).trim()})`);
    console.log('\nby style           fact carried    urgent recall   others raised to urgent');
    const styles = [...new Set([...Object.keys(m.facts.byKind), ...Object.keys(m.urgentByKind)])].sort();
    for (const k of styles) {
      console.log(`  ${k.padEnd(16)} ${share(m.facts.byKind[k] ?? [0, 0])}  ${share(m.urgentByKind[k] ?? [0, 0])}  ${share(m.falseAlarmsByKind[k] ?? [0, 0])}`);
    }
    if (values.misses) for (const x of m.misses) console.log(`  ${x.why} [${x.kind}] ${x.q} → ${x.got ?? 'fallback'} (expected ${x.expect ?? 'fallback'})`);
    return;
  }
  console.log(`${values.questions}: ${m.answerable} answerable, ${m.unanswerable} off-topic, ${m.urgentCount} urgent, ${m.alarmingCount} alarming but not urgent`);
  console.log(`top-1 accuracy           ${pct(m.top1)}`);
  console.log(`recall@3                 ${pct(m.recallAt3)}`);
  console.log(`answered correctly       ${pct(m.answeredCorrectly)}`);
  console.log(`fallback precision       ${pct(m.fallbackPrecision)}`);
  console.log(`fallback recall          ${pct(m.fallbackRecall)}   (off-topic questions that fell back)`);
  console.log(`urgent recall            ${pct(m.urgentRecall)}   (urgent or possibly urgent; as urgent ${pct(m.urgentStrictRecall).trim()}; category right for ${pct(m.urgentCategoryAccuracy).trim()})`);
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
