import type { Db } from '../database/open-database.js';

/**
 * Deletes exchanges (with their feedback and flags) older than `days`, except those of cases still
 * unresolved: a moderator must be able to read what they are working on. Resolved cases go once
 * they are that old. Returns how many exchanges were deleted.
 */
export function expireConversations(db: Db, days: number): number {
  const cutoff = `-${days} days`;
  return db.transaction(() => {
    const { changes } = db
      .prepare(
        `DELETE FROM exchanges WHERE created_at < datetime('now', ?)
           AND id NOT IN (SELECT ce.exchange_id FROM case_exchanges ce JOIN cases c ON c.id = ce.case_id WHERE c.status != 'resolved')
           AND user_id NOT IN (SELECT user_id FROM cases WHERE status != 'resolved')`,
      )
      .run(cutoff);
    db.prepare("DELETE FROM cases WHERE status = 'resolved' AND resolved_at < CAST(unixepoch('now', ?) AS INTEGER) * 1000").run(cutoff);
    return changes;
  })();
}
