// npm run review -- list [--json]                        open cases (urgent first) with their flagged exchanges
// npm run review -- resolve CASE_ID [--outcome OUTCOME]  close a case (and its flags); the bot edits its card
// npm run review -- stats [--days N] [--json]            the desk's figures
import { parseArgs } from 'node:util';
import { caseStats } from '../moderation/case-stats.js';
import { createCaseStore, OUTCOMES, type Outcome } from '../moderation/case-store.js';
import { printable } from './printable.js';
import { runCommand } from './run-command.js';

const USAGE = [
  'Usage: npm run review -- list [--json]',
  `       npm run review -- resolve CASE_ID [--outcome ${OUTCOMES.join('|')}]`,
  '       npm run review -- stats [--days N] [--json]',
].join('\n');
const parsed = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, outcome: { type: 'string', default: 'no-action' }, days: { type: 'string', default: '30' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();
const { values, positionals } = parsed;
const [action, id] = positionals;
const valid =
  (action === 'list' && !id) ||
  (action === 'stats' && !id && /^\d{1,4}$/.test(values.days) && Number(values.days) > 0) ||
  (action === 'resolve' && id && /^\d+$/.test(id) && OUTCOMES.includes(values.outcome as Outcome));
if (!valid) {
  console.error(USAGE);
  process.exit(2);
}

const seconds = (s: number | null) => (s === null ? '-' : s < 120 ? `${s} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`);

await runCommand(async ({ db }) => {
  const cases = createCaseStore(db);
  if (action === 'resolve') {
    if (!cases.resolve(Number(id), null, values.outcome as Outcome)) {
      console.error(`No open case with id ${id} (see npm run review -- list).`);
      return 1;
    }
    console.log(`Case ${id} resolved (${values.outcome}).`);
    return 0;
  }
  if (action === 'stats') {
    const s = caseStats(db, Number(values.days));
    if (values.json) return void console.log(JSON.stringify(s));
    const d = (x: { count: number; median: number | null; p90: number | null }) => `median ${seconds(x.median)}, p90 ${seconds(x.p90)} (${x.count})`;
    console.log(`Cases opened in the last ${s.days} days: ${s.opened}, resolved: ${s.resolved}`);
    console.log(`  time to first human reply: ${d(s.firstReply)}`);
    console.log(`  time to resolve:           ${d(s.resolve)}`);
    console.log(`  urgent, time to take:      ${d(s.urgentTake)}`);
    console.log('By reason:');
    for (const [reason, r] of Object.entries(s.byReason)) console.log(`  ${reason.padEnd(16)} opened ${r.opened}, resolved ${r.resolved}; first reply ${d(r.firstReply)}; resolve ${d(r.resolve)}`);
    console.log(`Outcomes: ${Object.entries(s.outcomes).map(([o, n]) => `${o} ${n}`).join(', ') || '-'}`);
    console.log(`Open backlog by age: under 1 h ${s.backlog.under1h}, 1-24 h ${s.backlog.under24h}, 1-7 days ${s.backlog.under7d}, older ${s.backlog.older}`);
    return 0;
  }
  const open = cases.listOpen();
  if (values.json) {
    for (const c of open) console.log(JSON.stringify(cases.details(c.id, 10)));
    return 0;
  }
  if (open.length === 0) console.log('No open cases.');
  for (const c of open) {
    const d = cases.details(c.id, 10)!;
    const age = seconds(Math.round((Date.now() - c.openedAt) / 1000));
    console.log(`#${c.id} ${d.labels.join(', ')}${c.urgent ? ' URGENT' : ''} (${c.status}${c.assignee ? ` by ${c.assignee}` : ''}, open ${age}) citizen ${d.pseudonym}, chat ${c.chatId}`);
    if (c.forgotten) console.log('  (content deleted at the citizen\'s request)');
    for (const e of d.recent) {
      if (e.kind === 'human' || e.kind === 'notice') console.log(`  ${e.kind === 'human' ? `team (${e.staffId})` : 'bot notice'}: ${printable(e.answerText.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').slice(0, 160))}`);
      else {
        console.log(`  question: ${printable(e.question)}`);
        if (e.kind !== 'to-team') console.log(`  answer (${e.kind}, confidence ${e.confidence.toFixed(2)}): ${printable(e.answerText.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').slice(0, 160))}`);
      }
    }
    console.log('');
  }
  return 0;
});
