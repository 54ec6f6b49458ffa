import type { Db } from '../database/open-database.js';

/** The SQL behind /metrics and /readyz, in one store module like the others (docs/scaling.md). */
export function createOpsStore(db: Db) {
  return {
    openCasesByReason: () =>
      db.prepare("SELECT l.label AS reason, count(*) AS n FROM cases c JOIN case_labels l ON l.case_id = c.id WHERE c.status != 'resolved' GROUP BY l.label").all() as { reason: string; n: number }[],
    flagsLastDay: () => db.prepare("SELECT reason, count(*) AS n FROM flags WHERE created_at >= datetime('now', '-1 day') GROUP BY reason").all() as { reason: string; n: number }[],
    /** Milliseconds from opening to taking, of urgent cases opened since `since`, shortest first. */
    urgentTakeWaitsMs: (since: number) =>
      db.prepare('SELECT taken_at - opened_at FROM cases WHERE urgent = 1 AND taken_at IS NOT NULL AND opened_at >= ? ORDER BY 1').pluck().all(since) as number[],
    /** Recipients by state, of broadcasts not finished or finished since `since`. */
    broadcastRecipients: (since: number) =>
      db
        .prepare(
          `SELECT r.state, count(*) AS n FROM broadcast_recipients r JOIN broadcasts b ON b.id = r.broadcast_id
           WHERE b.finished_at IS NULL OR b.finished_at >= ? GROUP BY r.state`,
        )
        .all(since) as { state: string; n: number }[],
    /** Throws when the database cannot be read. */
    canRead: () => void db.prepare('SELECT count(*) FROM index_meta').get(),
  };
}
