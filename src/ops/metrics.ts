import { statSync } from 'node:fs';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../database/open-database.js';
import { createOpsStore } from './ops-store.js';

// Prometheus metrics of the bot process (GET /metrics). Labels are kinds, reasons, codes and
// states: never a user, a chat, a question or a token.

export type Metrics = ReturnType<typeof createMetrics>;

export function createMetrics(db: Db, databasePath: string) {
  const registry = new Registry();
  const store = createOpsStore(db);
  const updates = new Counter({ name: 'aman_updates_received_total', help: 'Telegram updates received', registers: [registry] });
  const answers = new Counter({ name: 'aman_answers_total', help: 'Answers given, by kind', labelNames: ['kind'], registers: [registry] });
  const latency = new Histogram({
    name: 'aman_answer_seconds',
    help: 'Time from receiving a question to its answer being stored for sending',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const telegramErrors = new Counter({ name: 'aman_telegram_errors_total', help: 'Bot API calls that failed, by error code', labelNames: ['code'], registers: [registry] });
  const retryWaits = new Counter({ name: 'aman_telegram_429_wait_seconds_total', help: 'Seconds Telegram asked us to wait (429 retry_after)', registers: [registry] });
  // Read from the database at each scrape: what is true now, whoever changed it (bot, CLI, console).
  new Gauge({
    name: 'aman_open_cases',
    help: 'Cases not resolved, by reason',
    labelNames: ['reason'],
    registers: [registry],
    collect() {
      this.reset();
      for (const r of store.openCasesByReason()) this.set({ reason: r.reason }, r.n);
    },
  });
  new Gauge({
    name: 'aman_flags_24h',
    help: 'Flags raised in the last 24 hours, by reason',
    labelNames: ['reason'],
    registers: [registry],
    collect() {
      this.reset();
      for (const r of store.flagsLastDay()) this.set({ reason: r.reason }, r.n);
    },
  });
  new Gauge({
    name: 'aman_urgent_take_seconds_median_24h',
    help: 'Median time for a moderator to take an urgent case, over the last 24 hours',
    registers: [registry],
    collect() {
      const waits = store.urgentTakeWaitsMs(Date.now() - 86_400_000);
      this.set(waits.length ? waits[Math.floor((waits.length - 1) / 2)]! / 1000 : 0);
    },
  });
  new Gauge({
    name: 'aman_broadcast_recipients',
    help: 'Recipients of broadcasts not finished or finished in the last 7 days, by outcome',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.reset();
      for (const r of store.broadcastRecipients(Date.now() - 7 * 86_400_000)) this.set({ state: r.state }, r.n);
    },
  });
  new Gauge({
    name: 'aman_database_bytes',
    help: 'Size of the SQLite database and its write-ahead log',
    registers: [registry],
    collect() {
      this.set(['', '-wal'].reduce((sum, suffix) => sum + (statSync(databasePath + suffix, { throwIfNoEntry: false })?.size ?? 0), 0));
    },
  });
  return {
    registry,
    updatesReceived: (n: number) => updates.inc(n),
    answered: (kind: string, latencyMs: number) => {
      answers.inc({ kind });
      latency.observe(latencyMs / 1000);
    },
    telegramError: (code: number, retryAfterSeconds?: number) => {
      telegramErrors.inc({ code: String(code) });
      if (code === 429 && retryAfterSeconds) retryWaits.inc(retryAfterSeconds);
    },
  };
}
