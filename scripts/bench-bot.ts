// Bot benchmark: simulated citizens send questions through a local fake Bot API over HTTP; the
// production bot (createBot, its features and a file-backed SQLite database) answers. Measures the
// bot's own time, not Telegram's, for the ways it can run (scripts/bench/bot-modes.ts), in one run.
//   npm run bench:bot [-- --users 500 --questions 4 --rate 500 --json] [--crash] [--only inbox,runner]
// --crash adds a phase per mode: a 600-message backlog with slow sends, SIGKILL, a restart; it counts
// questions lost (never stored, never answered) and answers doubled (sent twice).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { loadLabelledQuestions } from '../src/answering/evaluate-answers.js';
import { startFakeTelegram, textUpdate, type FakeTelegram } from '../test/support/fake-telegram.js';
import { MODE_LABELS, MODES, startMode, type Mode } from './bench/bot-modes.js';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '500' },
    questions: { type: 'string', default: '4' },
    rate: { type: 'string', default: '500' },
    json: { type: 'boolean', default: false },
    crash: { type: 'boolean', default: false },
    only: { type: 'string' },
    rounds: { type: 'string', default: '2' },
    // Internal: measure one mode in this process (the parent runs each mode in a fresh process,
    // so that no mode pays for the JIT or the caches of another).
    child: { type: 'boolean', default: false },
  },
});
const USERS = Number(values.users);
const PER_USER = Number(values.questions);
const RATE = Number(values.rate);
const TOKEN = '123456:bench-token-for-the-local-fake-api';
const questions = loadLabelledQuestions('test/eval/seed-questions.jsonl').map((q) => q.q);
const modes = values.only ? (values.only.split(',') as Mode[]) : MODES;

const dbBytes = (path: string) => ['', '-wal'].reduce((sum, s) => sum + (statSync(path + s, { throwIfNoEntry: false })?.size ?? 0), 0);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** Queues USERS × PER_USER questions, `rate` per second (Infinity: all at once); returns timings. */
async function phase(fake: FakeTelegram, firstChat: number, rate: number, diagnose: () => object = () => ({})) {
  const sentBefore = fake.callsTo('sendMessage').length;
  const total = USERS * PER_USER;
  const cpuBefore = process.cpuUsage();
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
  try {
    await fake.waitFor((calls) => calls.filter((c) => c.method === 'sendMessage' && c.status === 200).length >= sentBefore + total, 180_000);
  } catch (error) {
    // Say what is missing: questions never handled, answers never sent, or chats answered short.
    const answered = new Map<number, number>();
    for (const c of fake.callsTo('sendMessage').slice(sentBefore)) answered.set(c.payload.chat_id, (answered.get(c.payload.chat_id) ?? 0) + 1);
    const short = [...Array(USERS).keys()].map((i) => firstChat + i).filter((chat) => (answered.get(chat) ?? 0) < PER_USER);
    console.error(JSON.stringify({ phase: firstChat, expected: total, sent: fake.callsTo('sendMessage').length - sentBefore, shortChats: short.length, firstShort: short.slice(0, 5).map((c) => [c, answered.get(c) ?? 0]), ...diagnose() }));
    throw error;
  }
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerUpdate = round((cpu.user + cpu.system) / 1000 / total, 2);
  const replies = fake.callsTo('sendMessage').slice(sentBefore);
  const seen = new Map<string, number>();
  const latencies = replies.map((c) => {
    const chat = String(c.payload.chat_id);
    const k = seen.get(chat) ?? 0;
    seen.set(chat, k + 1);
    return c.at - queuedAt.get(chat)![k]!;
  });
  latencies.sort((a, b) => a - b);
  return { perSecond: round(total / elapsed), p50: pct(latencies, 50), p99: pct(latencies, 99), cpuMsPerUpdate };
}

async function measure(mode: Mode) {
  const dir = mkdtempSync(join(tmpdir(), 'aman-bench-bot-'));
  const fake = await startFakeTelegram();
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_PATH: join(dir, 'bench.sqlite'),
    // Simulated users ask faster than people do; the flood limit is not what is measured.
    RATE_LIMIT_MESSAGES: '1000',
  });
  const app = await createApp(config, createLogger((process.env.BENCH_LOG as never) ?? 'silent'));
  const bot = await startMode(mode, app, TOKEN);
  // Unmeasured warm-up: without it, whichever mode runs first pays for the JIT and the caches.
  await phase(fake, 900_000, Infinity);
  app.db.pragma('wal_checkpoint(TRUNCATE)');
  const bytesBefore = dbBytes(config.databasePath);
  const rowsBefore = app.db.prepare('SELECT count(*) FROM exchanges').pluck().get() as number;
  // The burst three times: this machine's other load moves a single run by a quarter; the median holds.
  const bursts = [];
  const diagnose = () => ({
    inboxUnhandled: app.db.prepare('SELECT count(*) FROM inbox WHERE handled_at IS NULL').pluck().get(),
    deliveries: app.db.prepare('SELECT delivery, count(*) AS n FROM exchanges GROUP BY delivery').all(),
    errors: app.db.prepare("SELECT last_error, count(*) AS n FROM exchanges WHERE last_error IS NOT NULL GROUP BY last_error").all(),
  });
  for (let i = 0; i < 3; i++) bursts.push(await phase(fake, 1_000_000 + i * 100_000, Infinity, diagnose));
  const burst = bursts.sort((a, b) => a.perSecond - b.perSecond)[1]!;
  const paced = await phase(fake, 2_000_000, RATE);
  // Telegram is slow to accept one reply (2 s), as under a 429 or a network hiccup.
  fake.failNext('sendMessage', { delayMs: 2000 }, 1);
  const stalled = await phase(fake, 3_000_000, RATE);
  await bot.stop();
  app.db.pragma('wal_checkpoint(TRUNCATE)');
  const added = (app.db.prepare('SELECT count(*) FROM exchanges').pluck().get() as number) - rowsBefore;
  const bytesPer1000 = Math.round(((dbBytes(config.databasePath) - bytesBefore) / added) * 1000);
  app.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    mode: MODE_LABELS[mode],
    burst_answered_per_s: burst.perSecond,
    burst_p50_ms: burst.p50,
    burst_p99_ms: burst.p99,
    burst_cpu_ms_per_update: burst.cpuMsPerUpdate,
    [`paced_${RATE}_per_s_p50_ms`]: paced.p50,
    [`paced_${RATE}_per_s_p99_ms`]: paced.p99,
    one_slow_send_p50_ms: stalled.p50,
    one_slow_send_p99_ms: stalled.p99,
    db_bytes_per_1000_exchanges: bytesPer1000,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

function child(mode: Mode, fake: FakeTelegram, databasePath: string) {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/bot-child.ts', mode], {
    env: { ...process.env, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_PATH: databasePath, RATE_LIMIT_MESSAGES: '1000', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<void>((resolve) => proc.stdout!.on('data', (d) => String(d).includes('ready') && resolve()));
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  return { proc, ready, exited };
}

/** 600 questions (100 chats × 6) queued at once, each send held 200 ms; SIGKILL; restart. */
async function crash(mode: Mode) {
  const dir = mkdtempSync(join(tmpdir(), 'aman-bench-crash-'));
  const databasePath = join(dir, 'crash.sqlite');
  const fake = await startFakeTelegram();
  const chats = Array.from({ length: 100 }, (_, i) => 5_000_000 + i);
  const asked = ['منو وزير الداخليه', 'رقم الطوارئ شنو', 'شنو يعني الامن المجتمعي', 'شلون اتصل بالشرطة المجتمعية', 'اريد انتحر', 'شلون اطبخ دولمه'];
  const first = child(mode, fake, databasePath);
  await first.ready;
  fake.failNext('sendMessage', { delayMs: 200 }, Infinity);
  fake.queueUpdates(...asked.flatMap((q) => chats.map((chat) => textUpdate(chat, q))));
  await fake.waitFor(() => fake.callsTo('sendMessage').length >= 150, 60_000);
  first.proc.kill('SIGKILL');
  await first.exited;
  const atKill = fake.callsTo('sendMessage').length;
  fake.clearFaults();
  const second = child(mode, fake, databasePath);
  await second.ready;
  // Settled: nothing more arrives for two seconds.
  let last = -1;
  while (fake.callsTo('sendMessage').length !== last) {
    last = fake.callsTo('sendMessage').length;
    await new Promise((r) => setTimeout(r, 2000));
  }
  second.proc.kill('SIGTERM');
  await second.exited;
  const db = new Database(databasePath, { readonly: true });
  const rows = db.prepare('SELECT chat_id, delivery, answer_text FROM exchanges WHERE chat_id >= 5000000').all() as { chat_id: number; delivery: string; answer_text: string }[];
  db.close();
  let lost = 0;
  let doubled = 0;
  let unknown = 0;
  for (const chat of chats) {
    const accepted = fake.callsTo('sendMessage').filter((c) => c.payload.chat_id === chat).map((c) => String(c.payload.text));
    const mine = rows.filter((r) => r.chat_id === chat);
    unknown += mine.filter((r) => r.delivery === 'unknown').length;
    for (const text of new Set(accepted)) doubled += accepted.filter((t) => t === text).length - 1;
    // Lost: a question with no stored exchange, or a stored answer neither delivered nor known to be in doubt.
    lost += asked.length - mine.length;
    lost += mine.filter((r) => r.delivery !== 'unknown' && !accepted.includes(r.answer_text)).length;
  }
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
  return { mode: MODE_LABELS[mode], questions: asked.length * chats.length, sent_before_kill: atKill, lost, doubled, unknown_flagged: unknown };
}

async function measureInChild(mode: Mode): Promise<Record<string, unknown>> {
  const args = ['--import', 'tsx', 'scripts/bench-bot.ts', '--child', '--only', mode, '--users', String(USERS), '--questions', String(PER_USER), '--rate', String(RATE)];
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  await new Promise((resolve) => proc.on('exit', resolve));
  return JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

if (values.child) {
  console.log(JSON.stringify(await measure(modes[0]!)));
  process.exit(0);
}
// Modes take turns, round after round, each in a fresh process; every figure is the median of
// the rounds, so that a moment of load elsewhere on the machine does not pick the winner.
const rounds = new Map<Mode, Record<string, unknown>[]>(modes.map((m) => [m, []]));
for (let round = 0; round < Number(values.rounds); round++) {
  for (const mode of modes) rounds.get(mode)!.push(await measureInChild(mode));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const reports = modes.map((mode) => {
  const runs = rounds.get(mode)!;
  return Object.fromEntries(Object.keys(runs[0]!).map((key) => [key, typeof runs[0]![key] === 'number' ? median(runs.map((r) => r[key] as number)) : runs[0]![key]]));
});
if (values.json) for (const report of reports) console.log(JSON.stringify(report));
if (!values.json) {
  console.log(`${USERS} users × ${PER_USER} questions per phase; each mode in a fresh process after a warm-up, ${values.rounds} rounds taking turns, medians;`);
  console.log(`burst = all queued at once (median of 3 per round), paced = ${RATE} updates/s,`);
  console.log('one_slow_send = paced, with Telegram taking 2 s to accept the first reply');
  console.table(reports);
  console.log('peak_rss_mb is the whole process (bot, fake Bot API and simulated users).');
}
if (values.crash) {
  const crashes = [];
  for (const mode of modes.filter((m) => m !== 'bot.start')) {
    const report = await crash(mode);
    crashes.push(report);
    if (values.json) console.log(JSON.stringify({ phase: 'crash', ...report }));
  }
  if (!values.json) {
    console.log('\ncrash: 600 questions (100 chats × 6) queued at once, each send held 200 ms, SIGKILL after 150 sends, restart');
    console.table(crashes);
  }
}
