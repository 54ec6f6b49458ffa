// Bot benchmark: simulated citizens send questions through a local fake Bot API over HTTP; the
// production bot (createBot + runner) answers. Measures the bot's own time, not Telegram's.
//   npm run bench:bot [-- --users 500 --questions 4 --rate 500 --json]
import { statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.js';
import type { BotDeps } from '../src/bot/bot-deps.js';
import { createBot } from '../src/bot/create-bot.js';
import { runBot } from '../src/bot/run-bot.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { loadLabelledQuestions } from '../src/answering/evaluate-answers.js';
import { startFakeTelegram, textUpdate, type FakeTelegram } from '../test/support/fake-telegram.js';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '500' },
    questions: { type: 'string', default: '4' },
    rate: { type: 'string', default: '500' },
    json: { type: 'boolean', default: false },
  },
});
const USERS = Number(values.users);
const PER_USER = Number(values.questions);
const RATE = Number(values.rate);
const TOKEN = '123456:bench-token-for-the-local-fake-api';
const questions = loadLabelledQuestions('test/eval/seed-questions.jsonl').map((q) => q.q);

type Runner = 'runner' | 'bot.start';

async function startBot(kind: Runner, fake: FakeTelegram, dir: string) {
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_PATH: join(dir, `${kind}.sqlite`),
    // Simulated users ask faster than people do; the flood limit is not what is measured.
    RATE_LIMIT_MESSAGES: '1000',
  });
  const app = await createApp(config, createLogger('silent'));
  const deps: BotDeps = { ...app, token: TOKEN, apiRoot: config.telegramApiRoot, retentionDays: 90, rateLimit: config.rateLimit };
  if (kind === 'runner') {
    const bot = await runBot(deps);
    return { app, stop: bot.stop, path: config.databasePath };
  }
  // What a grammY user gets by default: bot.start(), one update at a time.
  const { bot } = createBot(deps);
  void bot.start({ allowed_updates: ['message', 'callback_query', 'my_chat_member'] });
  await new Promise<void>((resolve) => {
    const check = () => (bot.isRunning() ? resolve() : setTimeout(check, 10));
    check();
  });
  return { app, stop: () => bot.stop(), path: config.databasePath };
}

const dbBytes = (path: string) => ['', '-wal'].reduce((sum, s) => sum + (statSync(path + s, { throwIfNoEntry: false })?.size ?? 0), 0);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** Queues USERS × PER_USER questions, `rate` per second (Infinity: all at once); returns timings. */
async function phase(fake: FakeTelegram, firstChat: number, rate: number) {
  const sentBefore = fake.callsTo('sendMessage').length;
  const total = USERS * PER_USER;
  const queuedAt = new Map<string, number[]>();
  const started = performance.now();
  const batch = Number.isFinite(rate) ? Math.max(1, Math.round(rate / 100)) : total;
  for (let i = 0; i < total; i += batch) {
    const updates = [];
    for (let j = i; j < Math.min(total, i + batch); j++) {
      const chat = firstChat + (j % USERS);
      updates.push(textUpdate(chat, questions[j % questions.length]!));
      const list = queuedAt.get(String(chat)) ?? [];
      list.push(Date.now());
      queuedAt.set(String(chat), list);
    }
    fake.queueUpdates(...updates);
    if (Number.isFinite(rate)) await new Promise((r) => setTimeout(r, Math.max(0, started + ((i + batch) / rate) * 1000 - performance.now())));
  }
  await fake.waitFor((calls) => calls.filter((c) => c.method === 'sendMessage' && c.status === 200).length >= sentBefore + total, 120_000);
  const elapsed = (performance.now() - started) / 1000;
  const replies = fake.callsTo('sendMessage').slice(sentBefore);
  const seen = new Map<string, number>();
  const latencies = replies.map((c) => {
    const chat = String(c.payload.chat_id);
    const k = seen.get(chat) ?? 0;
    seen.set(chat, k + 1);
    return c.at - queuedAt.get(chat)![k]!;
  });
  latencies.sort((a, b) => a - b);
  return { answered: total, perSecond: round(total / elapsed), p50: pct(latencies, 50), p99: pct(latencies, 99) };
}

async function measure(kind: Runner) {
  const dir = mkdtempSync(join(tmpdir(), 'aman-bench-bot-'));
  const fake = await startFakeTelegram();
  const bot = await startBot(kind, fake, dir);
  bot.app.db.pragma('wal_checkpoint(TRUNCATE)');
  const bytesBefore = dbBytes(bot.path);
  const burst = await phase(fake, 1_000_000, Infinity);
  const paced = await phase(fake, 2_000_000, RATE);
  // Telegram is slow to accept one reply (2 s), as under a 429 or a network hiccup.
  fake.failNext('sendMessage', { delayMs: 2000 }, 1);
  const stalled = await phase(fake, 3_000_000, RATE);
  await bot.stop();
  bot.app.db.pragma('wal_checkpoint(TRUNCATE)');
  const exchanges = bot.app.db.prepare('SELECT count(*) FROM exchanges').pluck().get() as number;
  const bytesPer1000 = Math.round(((dbBytes(bot.path) - bytesBefore) / exchanges) * 1000);
  bot.app.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    runner: kind,
    updates: exchanges,
    'burst_answered_per_s': burst.perSecond,
    'burst_p50_ms': burst.p50,
    'burst_p99_ms': burst.p99,
    [`paced_${RATE}_per_s_p50_ms`]: paced.p50,
    [`paced_${RATE}_per_s_p99_ms`]: paced.p99,
    'one_slow_send_p50_ms': stalled.p50,
    'one_slow_send_p99_ms': stalled.p99,
    'db_bytes_per_1000_exchanges': bytesPer1000,
    'peak_rss_mb': Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

const reports = [];
for (const kind of ['runner', 'bot.start'] as const) {
  const report = await measure(kind);
  reports.push(report);
  if (values.json) console.log(JSON.stringify(report));
}
if (!values.json) {
  console.log(`${USERS} users × ${PER_USER} questions per phase; burst = all queued at once, paced = ${RATE} updates/s,`);
  console.log('one_slow_send = paced, with Telegram taking 2 s to accept the first reply');
  console.table(reports);
  console.log('peak_rss_mb is the whole process (bot, fake Bot API and simulated users), cumulative across rows.');
}
