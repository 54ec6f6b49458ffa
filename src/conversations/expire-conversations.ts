import type { Db } from '../database/open-database.js';

/** Deletes exchanges (with their feedback and flags) older than `days`; returns how many. */
export function expireConversations(db: Db, days: number): number {
  const exchanges = db.prepare("DELETE FROM exchanges WHERE created_at < datetime('now', ?)").run(`-${days} days`).changes;
  db.prepare("DELETE FROM handled_updates WHERE handled_at < datetime('now', ?)").run(`-${days} days`);
  return exchanges;
}
