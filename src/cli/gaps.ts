// npm run gaps [-- --json]        knowledge gaps (questions the bot could not answer), most asked first
// npm run gaps -- draft GAP_ID    writes knowledge/<topic>/gap-<id>.md, a draft entry for a person to complete
import { parseArgs } from 'node:util';
import { writeGapDraft } from '../moderation/draft-entry.js';
import { createGapStore } from '../moderation/gap-store.js';
import { printable } from './printable.js';
import { runCommand } from './run-command.js';

const USAGE = 'Usage: npm run gaps [-- --json]\n       npm run gaps -- draft GAP_ID';
const parsed = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();
const [action, id] = parsed.positionals;
if (!(action === undefined) && !(action === 'draft' && id && /^\d+$/.test(id))) {
  console.error(USAGE);
  process.exit(2);
}

await runCommand(async ({ db, config, knowledge, answerQuestion }) => {
  const gaps = createGapStore(db);
  if (action === 'draft') {
    const result = writeGapDraft({ gaps, knowledge, answerQuestion, knowledgeDir: config.knowledgeDir }, Number(id));
    if (!result.written && result.reason === 'no-gap') {
      console.error(`No knowledge gap with id ${id} (see npm run gaps).`);
      return 1;
    }
    if (!result.written) {
      console.error(`${result.file} exists already: edit it, or delete it to draft again.`);
      return 1;
    }
    console.log(`Wrote ${result.file} (status: draft, ${result.questions} question(s)). Complete it from a verified source, then set status: approved.`);
    return 0;
  }
  const list = gaps.list();
  if (parsed.values.json) {
    for (const gap of list) console.log(JSON.stringify(gap));
    return 0;
  }
  if (list.length === 0) console.log('No knowledge gaps.');
  for (const g of list) {
    const state = g.entryId ? `answered by ${g.entryId}` : g.draftFile ? `draft: ${g.draftFile}` : 'open';
    console.log(`#${g.id} asked ${g.count}× (last ${g.lastAt} UTC) ${state}${g.watchers ? `, ${g.watchers} waiting to be told` : ''}`);
    for (const q of g.questions.slice(-3)) console.log(`  ${printable(q)}`);
  }
  return 0;
});
