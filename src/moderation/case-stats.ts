import type { Db } from '../database/open-database.js';

export interface Durations {
  count: number;
  /** Seconds; null without any case. */
  median: number | null;
  p90: number | null;
}

export interface CaseStats {
  days: number;
  opened: number;
  resolved: number;
  firstReply: Durations;
  resolve: Durations;
  byReason: Record<string, { opened: number; resolved: number; firstReply: Durations; resolve: Durations }>;
  urgentTake: Durations;
  outcomes: Record<string, number>;
  /** Cases not resolved, by how long they have been open. */
  backlog: { under1h: number; under24h: number; under7d: number; older: number };
}

function durations(values: number[]): Durations {
  const sorted = values.map((ms) => ms / 1000).sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]! * 1000) / 1000 : null);
  return { count: sorted.length, median: at(0.5), p90: at(0.9) };
}

interface Row {
  id: number;
  urgent: number;
  status: string;
  outcome: string | null;
  opened_at: number;
  taken_at: number | null;
  first_reply_at: number | null;
  resolved_at: number | null;
  labels: string | null;
}

/** The desk's figures over cases opened in the last `days` days, and the open backlog now. */
export function caseStats(db: Db, days: number, now = Date.now()): CaseStats {
  const since = now - days * 86_400_000;
  const rows = db
    .prepare(
      `SELECT c.id, c.urgent, c.status, c.outcome, c.opened_at, c.taken_at, c.first_reply_at, c.resolved_at,
              (SELECT group_concat(label) FROM case_labels l WHERE l.case_id = c.id) AS labels
       FROM cases c WHERE c.opened_at >= ?`,
    )
    .all(since) as Row[];
  const summarize = (set: Row[]) => ({
    opened: set.length,
    resolved: set.filter((r) => r.resolved_at !== null).length,
    firstReply: durations(set.filter((r) => r.first_reply_at !== null).map((r) => r.first_reply_at! - r.opened_at)),
    resolve: durations(set.filter((r) => r.resolved_at !== null).map((r) => r.resolved_at! - r.opened_at)),
  });
  const reasons = [...new Set(rows.flatMap((r) => (r.labels ?? '').split(',').filter(Boolean)))].sort();
  const outcomes: Record<string, number> = {};
  for (const r of rows) if (r.outcome) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  const open = db.prepare("SELECT opened_at FROM cases WHERE status != 'resolved'").pluck().all() as number[];
  const age = (ms: number) => now - ms;
  return {
    days,
    ...summarize(rows),
    byReason: Object.fromEntries(reasons.map((reason) => [reason, summarize(rows.filter((r) => (r.labels ?? '').split(',').includes(reason)))])),
    urgentTake: durations(rows.filter((r) => r.urgent === 1 && r.taken_at !== null).map((r) => r.taken_at! - r.opened_at)),
    outcomes,
    backlog: {
      under1h: open.filter((o) => age(o) < 3_600_000).length,
      under24h: open.filter((o) => age(o) >= 3_600_000 && age(o) < 86_400_000).length,
      under7d: open.filter((o) => age(o) >= 86_400_000 && age(o) < 7 * 86_400_000).length,
      older: open.filter((o) => age(o) >= 7 * 86_400_000).length,
    },
  };
}
