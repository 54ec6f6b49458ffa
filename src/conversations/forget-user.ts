import { checkpoint, type Db } from '../database/open-database.js';

/**
 * Deletes everything stored about a user: profile, questions, answers, feedback, flags and updates
 * still in the inbox. Only the anonymous daily counts remain. With secure_delete on, the deleted
 * text is overwritten in the database file; the checkpoint then clears it from the WAL too.
 * Returns how many exchanges were deleted.
 */
export function forgetUser(db: Db, telegramId: number): number {
  const deleted = db.transaction(() => {
    // Moderators keep their cases (and their own notes), but not the citizen's words: the card is
    // edited to say the content was deleted at the citizen's request.
    db.prepare('UPDATE cases SET forgotten = 1, version = version + 1 WHERE user_id = ?').run(telegramId);
    db.prepare('DELETE FROM gap_watchers WHERE user_id = ?').run(telegramId);
    const { changes } = db.prepare('DELETE FROM exchanges WHERE user_id = ?').run(telegramId);
    db.prepare('DELETE FROM users WHERE telegram_id = ?').run(telegramId);
    db.prepare('DELETE FROM inbox WHERE user_id = ? AND handled_at IS NOT NULL').run(telegramId);
    return changes;
  })();
  checkpoint(db);
  return deleted;
}
