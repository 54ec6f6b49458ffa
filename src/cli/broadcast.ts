// npm run broadcast -- create --by STAFF_ID (--text "…" | --text-file F) [--language ar|en|ckb] [--topic T] [--governorate G] [--at "YYYY-MM-DD HH:MM"]
// npm run broadcast -- approve ID --by OTHER_STAFF_ID
// npm run broadcast -- cancel ID [--by STAFF_ID]
// npm run broadcast -- status ID [--json]
// npm run broadcast -- list
// The running bot delivers what this creates: the database is the only hand-off.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BroadcastRuleError, GOVERNORATES, type Audience, type Governorate } from '../broadcasts/broadcast-store.js';
import { formatLocalTime, parseLocalTime } from '../broadcasts/local-time.js';
import { TOPICS, type Topic } from '../knowledge/knowledge-entry.js';
import { runCommand } from './run-command.js';

const USAGE = `Usage:
  npm run broadcast -- create --by STAFF_ID (--text "…" | --text-file FILE) [--language ar|en|ckb] [--topic ${TOPICS.join('|')}] [--governorate NAME] [--at "YYYY-MM-DD HH:MM"]
  npm run broadcast -- approve ID --by OTHER_STAFF_ID
  npm run broadcast -- cancel ID [--by STAFF_ID]
  npm run broadcast -- status ID [--json]
  npm run broadcast -- list`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        by: { type: 'string' },
        text: { type: 'string' },
        'text-file': { type: 'string' },
        language: { type: 'string' },
        topic: { type: 'string' },
        governorate: { type: 'string' },
        at: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
})();
const [action, idText] = positionals;
const id = idText && /^\d+$/.test(idText) ? Number(idText) : undefined;
const by = values.by && /^\d+$/.test(values.by) ? Number(values.by) : undefined;
if (!action || !['create', 'approve', 'cancel', 'status', 'list'].includes(action)) fail('Say what to do.');
if (['approve', 'cancel', 'status'].includes(action) && id === undefined) fail(`${action} needs a broadcast id.`);
if (['create', 'approve'].includes(action) && by === undefined) fail(`${action} needs --by with a staff member's Telegram user id.`);

await runCommand(async ({ broadcasts, staff }) => {
  const mayBroadcast = (userId: number) => ['admin', 'broadcaster'].includes(staff.find(userId)?.role ?? '');
  try {
    if (action === 'create') {
      if (!mayBroadcast(by!)) return (console.error(`${by} is not an admin or broadcaster (see /staff in the bot, or ADMIN_IDS).`), 1);
      if (!values.text === !values['text-file']) fail('Give exactly one of --text and --text-file.');
      const text = values.text ?? readFileSync(values['text-file']!, 'utf8');
      if (!text.trim()) fail('The message is empty.');
      if (text.length > 4096) fail(`The message has ${text.length} characters; Telegram allows 4096.`);
      const audience: Audience = {};
      if (values.language) {
        if (!['ar', 'en', 'ckb'].includes(values.language)) fail('--language must be ar, en or ckb.');
        audience.language = values.language as Audience['language'];
      }
      if (values.topic) {
        if (!TOPICS.includes(values.topic as Topic)) fail(`--topic must be one of ${TOPICS.join(', ')}.`);
        audience.topic = values.topic;
      }
      if (values.governorate) {
        if (!GOVERNORATES.includes(values.governorate as Governorate)) fail(`--governorate must be one of ${GOVERNORATES.join(', ')}.`);
        audience.governorate = values.governorate as Governorate;
      }
      let at: number | null = null;
      if (values.at) {
        const parsed = parseLocalTime(values.at);
        if (parsed === undefined) fail('--at must be "YYYY-MM-DD HH:MM" (Baghdad time), a time that exists.');
        if (parsed < Date.now()) fail(`--at ${values.at} is in the past.`);
        at = parsed;
      }
      const b = broadcasts.create(by!, { text }, audience, at);
      broadcasts.requestApproval(b.id, by!);
      console.log(JSON.stringify({ id: b.id, recipients: broadcasts.audienceSize(audience), at: at === null ? null : `${formatLocalTime(at)} Asia/Baghdad` }));
      return 0;
    }
    if (action === 'approve') {
      if (!mayBroadcast(by!)) return (console.error(`${by} is not an admin or broadcaster.`), 1);
      const b = broadcasts.approve(id!, by!);
      console.log(`Broadcast ${b.id} approved; the running bot sends it ${b.scheduledAt ? `at ${formatLocalTime(b.scheduledAt)} Baghdad time` : 'now'}.`);
      return 0;
    }
    if (action === 'cancel') {
      if (!broadcasts.cancel(id!, by ?? null)) return (console.error(`Broadcast ${id} does not exist or has already ended.`), 1);
      console.log(`Broadcast ${id} cancelled.`);
      return 0;
    }
    if (action === 'status') {
      const s = broadcasts.status(id!);
      if (!s) return (console.error(`No broadcast with id ${id}.`), 1);
      console.log(values.json ? JSON.stringify(s) : `#${s.id} ${s.state}: ${s.total} recipients, ${s.sent} sent, ${s.failed} failed, ${s.stopped} stopped, ${s.unknown} unknown, ${s.pending} pending`);
      return 0;
    }
    for (const b of broadcasts.list(20)) {
      const s = broadcasts.status(b.id)!;
      console.log(`#${b.id} ${b.state} by ${b.author}${b.scheduledAt ? ` at ${formatLocalTime(b.scheduledAt)}` : ''}: ${s.sent}/${s.total} sent ${JSON.stringify(b.audience)}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof BroadcastRuleError) return (console.error(error.message), 1);
    throw error;
  }
});
