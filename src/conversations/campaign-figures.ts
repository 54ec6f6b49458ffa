import type { Db } from '../database/open-database.js';
import { caseStats, type Durations } from '../moderation/case-stats.js';

// The campaign's figures over the last days, as staff show them to the ministry (the console's
// Figures page and its CSV). Daily counts come from `daily_counts`, kept by every answer, so that
// a month of a million exchanges is not read row by row.

export const KINDS = ['answered', 'fallback', 'urgent', 'smalltalk', 'empty'] as const;

export interface CampaignFigures {
  days: number;
  /** One row a day, oldest first, every day present (zeros included). */
  perDay: { day: string; counts: Record<(typeof KINDS)[number], number>; total: number; fallbackRate: number }[];
  /** Answers served, by the topic of the entry that gave them (urgent advice included). */
  topics: { topic: string; count: number }[];
  feedback: { up: number; down: number };
  urgent: { cases: number; take: Durations };
  firstReply: Durations;
  subscribers: number;
  broadcasts: { id: number; createdAt: number; state: string; total: number; sent: number }[];
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function campaignFigures(db: Db, days: number, now = Date.now()): CampaignFigures {
  const from = dayOf(now - (days - 1) * 86_400_000);
  const rows = db.prepare('SELECT day, kind, count FROM daily_counts WHERE day >= ?').all(from) as { day: string; kind: string; count: number }[];
  const perDay = Array.from({ length: days }, (_, i) => {
    const day = dayOf(now - (days - 1 - i) * 86_400_000);
    const counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<(typeof KINDS)[number], number>;
    for (const r of rows) if (r.day === day && (KINDS as readonly string[]).includes(r.kind)) counts[r.kind as (typeof KINDS)[number]] += r.count;
    const total = KINDS.reduce((sum, k) => sum + counts[k], 0);
    return { day, counts, total, fallbackRate: total ? counts.fallback / total : 0 };
  });
  const since = `${from} 00:00:00`;
  // Served answers by the topic of their entry, from the per-entry daily counts (migration 013).
  const topics = db
    .prepare(
      `SELECT coalesce(e.topic, 'other') AS topic, sum(d.served) AS count FROM entry_daily d LEFT JOIN entries e ON e.id = d.entry_id
       WHERE d.day >= ? GROUP BY 1 ORDER BY 2 DESC`,
    )
    .all(from) as { topic: string; count: number }[];
  const feedback = db.prepare('SELECT coalesce(sum(rating = 1), 0) AS up, coalesce(sum(rating = -1), 0) AS down FROM feedback WHERE created_at >= ?').get(since) as { up: number; down: number };
  const cases = caseStats(db, days, now);
  const urgentCases = db.prepare('SELECT count(*) FROM cases WHERE urgent = 1 AND opened_at >= ?').pluck().get(now - days * 86_400_000) as number;
  const subscribers = db.prepare('SELECT count(*) FROM users WHERE subscribed = 1 AND blocked = 0').pluck().get() as number;
  const broadcasts = db
    .prepare(
      `SELECT b.id, b.created_at AS createdAt, b.state, coalesce(b.total, 0) AS total,
              coalesce(json_extract(b.counts, '$.sent'), (SELECT count(*) FROM broadcast_recipients r WHERE r.broadcast_id = b.id AND r.state = 'sent')) AS sent
       FROM broadcasts b WHERE b.created_at >= ? ORDER BY b.id DESC LIMIT 50`,
    )
    .all(now - days * 86_400_000) as CampaignFigures['broadcasts'];
  return { days, perDay, topics, feedback, urgent: { cases: urgentCases, take: cases.urgentTake }, firstReply: cases.firstReply, subscribers, broadcasts };
}
