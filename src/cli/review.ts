// npm run review -- list [--json]      open flags with their exchanges, oldest first
// npm run review -- resolve ID         close one flag
import { parseArgs } from 'node:util';
import { listOpenFlags, resolveFlag } from '../conversations/review-flags.js';
import { printable } from './printable.js';
import { runCommand } from './run-command.js';

const USAGE = 'Usage: npm run review -- list [--json]\n       npm run review -- resolve FLAG_ID';
const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
const [action, id] = positionals;
if (!(action === 'list' && !id) && !(action === 'resolve' && id && /^\d+$/.test(id))) {
  console.error(USAGE);
  process.exit(2);
}

await runCommand(async ({ db }) => {
  if (action === 'resolve') {
    if (!resolveFlag(db, Number(id))) {
      console.error(`No open flag with id ${id} (see npm run review -- list).`);
      return 1;
    }
    console.log(`Flag ${id} resolved.`);
    return 0;
  }
  const flags = listOpenFlags(db);
  if (values.json) {
    for (const flag of flags) console.log(JSON.stringify(flag));
    return 0;
  }
  if (flags.length === 0) console.log('No open flags.');
  for (const f of flags) {
    const e = f.exchange;
    const feedback = f.feedback ? `  feedback: ${f.feedback.rating > 0 ? '👍' : '👎'}${f.feedback.comment ? ` "${printable(f.feedback.comment)}"` : ''}\n` : '';
    const answer = printable(e.answerText.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').slice(0, 160));
    console.log(`#${f.id} ${f.reason} (${f.createdAt} UTC) exchange ${e.id}, chat ${e.chatId}\n  question: ${printable(e.question)}\n  answer (${e.answerKind}, confidence ${e.confidence.toFixed(2)}): ${answer}\n${feedback}`);
  }
  return 0;
});
