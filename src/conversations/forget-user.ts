import { checkpoint, type Db } from '../database/open-database.js';

/**
 * Deletes everything stored about a user: profile, questions, answers, feedback, flags and updates
 * still in the inbox. Only the anonymous daily counts remain. With secure_delete on, the deleted
 * text is overwritten in the database file; the checkpoint then clears it from the WAL too.
 * Returns how many exchanges were deleted.
 */
export function forgetUser(db: Db, telegramId: number): number {
  const deleted = db.transaction(() => {
    const { changes } = db.prepare('DELETE FROM exchanges WHERE user_id = ?').run(telegramId);
    db.prepare('DELETE FROM users WHERE telegram_id = ?').run(telegramId);
    db.prepare('DELETE FROM inbox WHERE user_id = ? AND handled_at IS NOT NULL').run(telegramId);
    return changes;
  })();
  checkpoint(db);
  return deleted;
}
