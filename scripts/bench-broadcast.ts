// Broadcast benchmark: N subscribers, one approved broadcast, the production bot (`src/main.ts`, a
// child process) sending it through a local fake Bot API over real HTTP, with 429s, 403s and slow
// calls injected. Prints the achieved rate against BROADCAST_RATE (time paused by 429s excluded),
// duplicates, lost (pending never sent), unknown, and the bot's peak RSS. With --crash the bot is
// killed with SIGKILL midway and started again.
//   npm run bench:broadcast [-- --subscribers 100000 --rate 500 --paid --crash --json]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createBroadcastStore } from '../src/broadcasts/broadcast-store.js';
import { openDatabase } from '../src/database/open-database.js';
import { startFakeTelegram } from '../test/support/fake-telegram.js';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '100000' },
    rate: { type: 'string', default: '25' },
    paid: { type: 'boolean', default: false },
    crash: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const N = Number(values.subscribers);
const RATE = Number(values.rate);
if (!(N > 0) || !(RATE > 0) || (RATE > 30 && !values.paid)) {
  console.error('Usage: npm run bench:broadcast -- [--subscribers N] [--rate R] [--paid (needed above 30/s)] [--crash] [--json]');
  process.exit(2);
}
const TOKEN = '123456:bench-token-for-the-local-fake-api';
const FIRST_CHAT = 10_000_000;
const BLOCKED_SHARE = 0.01;
const RETRY_AFTER = 1;

async function run(crash: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'aman-bench-broadcast-'));
  const databasePath = join(dir, 'bench.sqlite');
  const fake = await startFakeTelegram();

  // Subscribers (a realistic language mix) and one approved broadcast, written before the bot starts.
  const db = openDatabase(databasePath);
  const insert = db.prepare('INSERT INTO users (telegram_id, language, subscribed) VALUES (?, ?, 1)');
  db.transaction(() => {
    for (let i = 0; i < N; i++) insert.run(FIRST_CHAT + i, i % 10 === 0 ? 'ckb' : i % 10 === 1 ? 'en' : 'ar');
  })();
  const store = createBroadcastStore(db);
  const text = 'تذكير من حملة الأمن المجتمعي: الرقم الموحد للطوارئ 911 مجاني ويعمل على مدار الساعة.';
  const b = store.create(1, { text }, {});
  store.approve(b.id, 2);
  db.close();

  // Faults: 1% of users blocked the bot (403), a 429 every 20,000 sends, and 1 call in 500 held 2 s.
  for (let i = 0; i < N; i += Math.round(1 / BLOCKED_SHARE)) fake.failChat(FIRST_CHAT + i + 7, { status: 403, description: 'Forbidden: bot was blocked by the user' });
  fake.failPeriodically('sendMessage', 20_000, { status: 429, retryAfter: RETRY_AFTER });
  fake.failPeriodically('sendMessage', 499, { delayMs: 2000 });

  let peakRssKb = 0;
  const start = () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: fake.apiRoot,
        DATABASE_PATH: databasePath,
        BROADCAST_RATE: String(RATE),
        BROADCAST_PAID: values.paid ? 'true' : 'false',
        BROADCAST_QUIET_HOURS: 'off',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const timer = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakRssKb = Math.max(peakRssKb, Number(hwm[1]));
      } catch {
        // Exited.
      }
    }, 500);
    const exited = new Promise<void>((resolve) => child.on('exit', () => (clearInterval(timer), resolve())));
    return { child, exited };
  };
  const sentToSubscribers = () => fake.callsTo('sendMessage').filter((c) => typeof c.payload.chat_id === 'number' && c.payload.chat_id >= FIRST_CHAT);
  const reader = () => new Database(databasePath, { readonly: true, fileMustExist: true });
  const status = () => {
    const r = reader();
    try {
      return createBroadcastStore(r).status(b.id)!;
    } finally {
      r.close();
    }
  };

  let bot: { child: ChildProcess; exited: Promise<void> } = start();
  let killedAt: number | undefined;
  const startedAt = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    if (crash && killedAt === undefined && sentToSubscribers().length >= N * 0.4) {
      bot.child.kill('SIGKILL');
      await bot.exited;
      killedAt = sentToSubscribers().length;
      bot = start();
    }
    const s = status();
    if (s.state === 'done') break;
    if (Date.now() - startedAt > (N / RATE) * 3000 + 120_000) throw new Error(`broadcast did not finish: ${JSON.stringify(s)}`);
  }
  bot.child.kill('SIGTERM');
  await bot.exited;

  const calls = sentToSubscribers();
  const perChat = new Map<number, number>();
  for (const c of calls) perChat.set(c.payload.chat_id, (perChat.get(c.payload.chat_id) ?? 0) + 1);
  const duplicates = [...perChat.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const s = status();
  const r = reader();
  const sentRows = r.prepare("SELECT user_id FROM broadcast_recipients WHERE broadcast_id = ? AND state = 'sent'").pluck().all(b.id) as number[];
  r.close();
  // Lost: a recipient never sent (still pending), or recorded sent without Telegram having it.
  const lost = s.pending + sentRows.filter((id) => !perChat.has(id)).length;
  const times = calls.map((c) => c.at).sort((x, y) => x - y);
  const pauses = fake.calls.filter((c) => c.method === 'sendMessage' && c.status === 429).length * RETRY_AFTER;
  const seconds = (times.at(-1)! - times[0]!) / 1000;
  const active = Math.max(1, seconds - pauses);
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    run: crash ? 'SIGKILL at 40%, restart' : 'uninterrupted',
    subscribers: N,
    configured_rate: RATE,
    achieved_rate: Math.round((calls.length / active) * 10) / 10,
    share_of_rate: Math.round((calls.length / active / RATE) * 1000) / 10,
    paused_s: pauses,
    duration_s: Math.round(seconds),
    sent: s.sent,
    stopped_403: s.stopped,
    failed: s.failed,
    unknown: s.unknown,
    duplicates,
    lost,
    peak_rss_mb: Math.round(peakRssKb / 1024),
    ...(killedAt !== undefined ? { sent_before_kill: killedAt } : {}),
  };
}

const reports = [await run(false)];
if (values.crash) reports.push(await run(true));
if (values.json) for (const r of reports) console.log(JSON.stringify(r));
else {
  console.log(`${N} subscribers, BROADCAST_RATE=${RATE}${values.paid ? ' (paid)' : ''}; 1% blocked (403), a 429 (retry_after ${RETRY_AFTER} s) every 20,000 sends, 1 call in 500 held 2 s`);
  console.table(reports);
  console.log('achieved_rate excludes the time paused by 429s (and, after a SIGKILL, includes the restart); peak_rss_mb is the bot process.');
}
