import type { Db } from '../database/open-database.js';
import type { KnowledgeEntry } from './knowledge-entry.js';

// An entry is checked against its sources again this long after its last review: numbers and
// laws change (911 replaced 26 hotlines in 2025; the drug law's amendment is pending).
export const REVIEW_EVERY_MONTHS = 6;

/** The day an entry is due for review again (YYYY-MM-DD); undefined if it was never reviewed. */
export function reviewDue(entry: Pick<KnowledgeEntry, 'reviewed'>): string | undefined {
  if (!entry.reviewed) return undefined;
  const due = new Date(`${entry.reviewed}T00:00:00Z`);
  due.setUTCMonth(due.getUTCMonth() + REVIEW_EVERY_MONTHS);
  return due.toISOString().slice(0, 10);
}

/** How often each entry was served, and rated, over the last `days` days (migration 013). */
export function entryUsage(db: Db, days: number, now = Date.now()): Map<string, { served: number; up: number; down: number }> {
  const from = new Date(now - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const rows = db
    .prepare('SELECT entry_id AS id, sum(served) AS served, sum(up) AS up, sum(down) AS down FROM entry_daily WHERE day >= ? GROUP BY entry_id')
    .all(from) as { id: string; served: number; up: number; down: number }[];
  return new Map(rows.map((r) => [r.id, { served: r.served, up: r.up, down: r.down }]));
}
