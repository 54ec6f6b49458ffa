import type { Db } from '../database/open-database.js';

/** Telegram redelivers updates whose offset was not confirmed (after a crash or restart). */
export function createHandledUpdates(db: Db) {
  const seen = db.prepare('SELECT 1 FROM handled_updates WHERE update_id = ?').pluck();
  const mark = db.prepare('INSERT OR IGNORE INTO handled_updates (update_id) VALUES (?)');
  return {
    isHandled: (updateId: number) => seen.get(updateId) !== undefined,
    markHandled: (updateId: number) => void mark.run(updateId),
  };
}
export type HandledUpdates = ReturnType<typeof createHandledUpdates>;
