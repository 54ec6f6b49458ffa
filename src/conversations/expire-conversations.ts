import type { Db } from '../database/open-database.js';

/** Deletes exchanges (with their feedback and flags) older than `days`; returns how many. */
export function expireConversations(db: Db, days: number): number {
  return db.prepare("DELETE FROM exchanges WHERE created_at < datetime('now', ?)").run(`-${days} days`).changes;
}
