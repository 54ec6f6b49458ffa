// Console benchmark: a database the size of a campaign's (1,000,000 exchanges over 90 days, a
// realistic mix of answers, feedback, 20,000 cases, knowledge gaps, broadcasts), then each page of
// the staff console requested through its own handler, as the server runs it, and timed: p50 and
// p95 of the server time per page, against the goals (200 ms per page, 300 ms for search).
//   npm run bench:console [-- --exchanges 1000000 --cases 20000 --requests 40 --json]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAnswerQuestion } from '../src/answering/answer-question.js';
import { loadLabelledQuestions } from '../src/answering/evaluate-answers.js';
import { createBroadcastStore } from '../src/broadcasts/broadcast-store.js';
import { createConsoleApp } from '../src/console/console-server.js';
import { createLoginLinks } from '../src/console/login-links.js';
import { createSessionSealer } from '../src/console/session.js';
import { openDatabase } from '../src/database/open-database.js';
import { createI18n } from '../src/i18n/create-i18n.js';
import { indexKnowledge } from '../src/knowledge/index-knowledge.js';
import { createLogger } from '../src/logger.js';
import { createCaseStore } from '../src/moderation/case-store.js';
import { createGapStore } from '../src/moderation/gap-store.js';
import { createStaffStore } from '../src/moderation/staff-store.js';
import { normalizeArabic } from '../src/retrieval/normalize-arabic.js';

const { values } = parseArgs({
  options: {
    exchanges: { type: 'string', default: '1000000' },
    cases: { type: 'string', default: '20000' },
    requests: { type: 'string', default: '40' },
    json: { type: 'boolean', default: false },
  },
});
const EXCHANGES = Number(values.exchanges);
const CASES = Number(values.cases);
const REQUESTS = Number(values.requests);
const USERS = Math.max(1000, Math.round(EXCHANGES / 6));
const DAYS = 90;
const ADMIN = 9_000_001;
const SECRET = 'bench-console-secret-of-at-least-32-characters';

// A fixed seed: the same database every run.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

const dir = mkdtempSync(join(tmpdir(), 'aman-bench-console-'));
const db = openDatabase(join(dir, 'aman.sqlite'));
const logger = createLogger('silent');
const knowledge = indexKnowledge(db, 'knowledge', logger);
const entries = [...knowledge.entries.values()];
const questions = loadLabelledQuestions('test/eval').map((q) => q.q);
const now = Date.now();
const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

const started = performance.now();
// The mix of a campaign's traffic: mostly answered, then fallbacks, small talk, urgent messages.
const KINDS: [string, number][] = [['answered', 0.7], ['fallback', 0.15], ['smalltalk', 0.08], ['possibly-urgent', 0.03], ['urgent', 0.02], ['empty', 0.02]];
const kindOf = () => {
  let r = random();
  for (const [kind, share] of KINDS) if ((r -= share) < 0) return kind;
  return 'answered';
};
const insertExchange = db.prepare(
  `INSERT INTO exchanges (chat_id, user_id, question, normalized, language, answer_text, answer_kind, entry_id, confidence, latency_ms, created_at, delivery)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 'sent')`,
);
const insertFeedback = db.prepare('INSERT INTO feedback (exchange_id, rating, created_at) VALUES (?, ?, ?)');
const count = db.prepare('INSERT INTO daily_counts (day, kind, count) VALUES (?, ?, 1) ON CONFLICT (day, kind) DO UPDATE SET count = count + 1');
const fill = db.transaction((from: number, to: number) => {
  for (let i = from; i < to; i++) {
    const at = now - Math.floor(random() * DAYS * 86_400_000);
    const user = 1 + Math.floor(random() * USERS);
    const question = pick(questions);
    const kind = kindOf();
    const entry = kind === 'answered' || kind === 'urgent' || kind === 'possibly-urgent' ? pick(entries) : undefined;
    const { lastInsertRowid } = insertExchange.run(user, user, question, normalizeArabic(question), random() < 0.85 ? 'ar' : pick(['en', 'ckb', 'arabizi']), entry ? entry.body.slice(0, 400) : 'ليس لديّ جواب معتمد عن هذا السؤال.', kind === 'possibly-urgent' ? 'answered' : kind, entry?.id ?? null, random(), stamp(at));
    if (entry && random() < 0.05) insertFeedback.run(Number(lastInsertRowid), random() < 0.8 ? 1 : -1, stamp(at + 60_000));
    count.run(stamp(at).slice(0, 10), kind === 'possibly-urgent' ? 'answered' : kind);
  }
});
for (let i = 0; i < EXCHANGES; i += 50_000) fill(i, Math.min(EXCHANGES, i + 50_000));
db.prepare(
  'WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < ?) INSERT INTO users (telegram_id, subscribed) SELECT value, value % 3 = 0 FROM n',
).run(USERS);

// Cases: opened by flags as the bot opens them (the trigger), then taken, replied to, resolved.
const staff = createStaffStore(db);
staff.seed([ADMIN], [ADMIN + 1, ADMIN + 2]);
const cases = createCaseStore(db);
const flagged = db.prepare("SELECT id, user_id AS userId, answer_kind AS kind FROM exchanges WHERE answer_kind IN ('urgent', 'fallback') ORDER BY random() LIMIT ?").all(CASES) as { id: number; userId: number; kind: string }[];
const flag = db.prepare('INSERT OR IGNORE INTO flags (exchange_id, reason) VALUES (?, ?)');
db.transaction(() => {
  flagged.forEach((f, i) => {
    flag.run(f.id, f.kind === 'urgent' ? 'urgent' : 'fallback');
    const c = cases.openOf(f.userId);
    if (!c || i % 10 === 9) return; // one in ten stays open
    cases.take(c.id, ADMIN + 1 + (i % 2));
    if (i % 3 === 0) cases.addNote(c.id, ADMIN + 1, 'تابعت مع المواطن');
    cases.resolve(c.id, ADMIN + 1, pick(['answered', 'referred-911', 'no-action'] as const));
  });
})();
const opened = db.prepare('SELECT id FROM cases ORDER BY id').pluck().all() as number[];
// Knowledge gaps from the fallbacks, and broadcasts with their recipients.
const gaps = createGapStore(db);
const fallbacks = db.prepare("SELECT id, question FROM exchanges WHERE answer_kind = 'fallback' ORDER BY id DESC LIMIT 20000").all() as { id: number; question: string }[];
for (const f of fallbacks) gaps.record(f.id, f.question);
const broadcasts = createBroadcastStore(db);
for (let i = 0; i < 12; i++) {
  const b = broadcasts.create(ADMIN, { text: `نشرة ${i}` }, {});
  broadcasts.approve(b.id, ADMIN + 1);
  broadcasts.start(b.id);
  db.prepare("UPDATE broadcast_recipients SET state = 'sent', done_at = ? WHERE broadcast_id = ?").run(now, b.id);
  broadcasts.finish(b.id);
}
db.pragma('wal_checkpoint(TRUNCATE)');
db.exec('ANALYZE');
const fillSeconds = (performance.now() - started) / 1000;

// The console as the bot runs it, requested without a network in between: its own server time.
const translate = await createI18n();
const app = createConsoleApp({
  http: { port: 0, host: '127.0.0.1', publicUrl: 'http://127.0.0.1', sessionSecret: SECRET, metricsToken: undefined },
  db,
  config: { knowledgeDir: 'knowledge' },
  knowledge,
  answerQuestion: createAnswerQuestion({ knowledge }),
  gaps,
  broadcasts,
  wakeBroadcasts: () => undefined,
  logger,
  translate,
  staff,
  cases,
  consoleLinks: createLoginLinks(db),
  flushChat: async () => undefined,
  wakeDesk: () => undefined,
});
const sealer = createSessionSealer(SECRET);
const cookie = `aman_console=${sealer.seal(sealer.create(ADMIN))}`;
const openCase = cases.listOpen(1)[0]!.id;
const busyUser = db.prepare('SELECT user_id FROM exchanges GROUP BY user_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as number;
const busyCase = (db.prepare('SELECT id FROM cases WHERE user_id = ?').pluck().get(busyUser) as number | undefined) ?? openCase;
const day = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().slice(0, 10);
const PAGES: [string, string, number][] = [
  ['cases (open, urgent first)', '/console/cases', 200],
  ['cases (all, fallback)', '/console/cases?status=all&reason=fallback', 200],
  ['case page', `/console/cases/${openCase}`, 200],
  ['case page (busiest citizen)', `/console/cases/${busyCase}`, 200],
  ['search: one word', `/console/search?q=${encodeURIComponent('الشرطه')}`, 300],
  ['search: two words, 7 days', `/console/search?q=${encodeURIComponent('رقم الطوارئ')}&from=${day(7)}`, 300],
  ['search: fallbacks, entry-less', '/console/search?kind=fallback', 300],
  ['search: rare word', `/console/search?q=${encodeURIComponent('دولمه')}`, 300],
  ['knowledge gaps', '/console/gaps', 200],
  ['knowledge', '/console/knowledge', 200],
  ['broadcasts', '/console/broadcasts', 200],
  ['figures, 30 days', '/console/figures?days=30', 200],
  ['figures, 90 days', '/console/figures?days=90', 200],
  ['figures CSV', '/console/figures.csv?table=days&days=90', 200],
];
const results = [];
for (const [name, path, goal] of PAGES) {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS + 3; i++) {
    const start = performance.now();
    const response = await app.fetch(new Request(`http://127.0.0.1${path}`, { headers: { cookie } }));
    await response.text();
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    if (i >= 3) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]! * 10) / 10;
  results.push({ page: name, p50_ms: at(0.5), p95_ms: at(0.95), goal_ms: goal, ok: at(0.95) <= goal });
}
const summary = { exchanges: EXCHANGES, cases: opened.length, users: USERS, gaps: gaps.list(1).length ? (db.prepare('SELECT count(*) FROM knowledge_gaps').pluck().get() as number) : 0, fill_s: Math.round(fillSeconds), db_mb: Math.round(((db.prepare('PRAGMA page_count').pluck().get() as number) * (db.prepare('PRAGMA page_size').pluck().get() as number)) / 1e6) };
if (values.json) console.log(JSON.stringify({ ...summary, pages: results }));
else {
  console.log(`${summary.exchanges} exchanges over ${DAYS} days, ${summary.cases} cases, ${summary.users} citizens, ${summary.gaps} gaps; filled in ${summary.fill_s} s; database ${summary.db_mb} MB; ${REQUESTS} requests per page`);
  console.table(results);
}
db.close();
rmSync(dir, { recursive: true, force: true });
process.exit(results.every((r) => r.ok) ? 0 : 1);
