import type { Db } from '../database/open-database.js';

/**
 * Deletes everything stored about a user: profile, questions, answers, feedback and flags.
 * Only the anonymous daily counts remain. Returns how many exchanges were deleted.
 */
export function forgetUser(db: Db, telegramId: number): number {
  return db.transaction(() => {
    const { changes } = db.prepare('DELETE FROM exchanges WHERE user_id = ?').run(telegramId);
    db.prepare('DELETE FROM users WHERE telegram_id = ?').run(telegramId);
    return changes;
  })();
}
