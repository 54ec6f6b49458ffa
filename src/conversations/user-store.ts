import type { Db } from '../database/open-database.js';
import type { UiLanguage } from '../i18n/create-i18n.js';

export interface UserRecord {
  telegramId: number;
  language: UiLanguage;
  languageChosen: boolean;
  subscribed: boolean;
  blocked: boolean;
}

interface Row {
  telegram_id: number;
  language: UiLanguage;
  language_chosen: number;
  subscribed: number;
  blocked: number;
}

const toRecord = (r: Row): UserRecord => ({
  telegramId: r.telegram_id,
  language: r.language,
  languageChosen: r.language_chosen === 1,
  subscribed: r.subscribed === 1,
  blocked: r.blocked === 1,
});

export type UserStore = ReturnType<typeof createUserStore>;

export function createUserStore(db: Db) {
  const touch = db.prepare(
    `INSERT INTO users (telegram_id, language) VALUES (?, ?)
     ON CONFLICT (telegram_id) DO UPDATE SET last_seen = datetime('now'), blocked = 0
     RETURNING *`,
  );
  const get = db.prepare('SELECT * FROM users WHERE telegram_id = ?');
  const setLanguage = db.prepare('UPDATE users SET language = ?, language_chosen = 1 WHERE telegram_id = ?');
  const setSubscribed = db.prepare('UPDATE users SET subscribed = ? WHERE telegram_id = ?');
  const setBlocked = db.prepare('UPDATE users SET blocked = 1, subscribed = 0 WHERE telegram_id = ?');
  return {
    /** Creates the user on first contact (language guessed from Telegram); a message means not blocked. */
    touch: (telegramId: number, guessedLanguage: UiLanguage): UserRecord => toRecord(touch.get(telegramId, guessedLanguage) as Row),
    get: (telegramId: number): UserRecord | undefined => {
      const row = get.get(telegramId) as Row | undefined;
      return row && toRecord(row);
    },
    setLanguage: (telegramId: number, language: UiLanguage) => void setLanguage.run(language, telegramId),
    setSubscribed: (telegramId: number, subscribed: boolean) => void setSubscribed.run(subscribed ? 1 : 0, telegramId),
    /** The user blocked the bot (403, or kicked): stop sending, including broadcasts. */
    markBlocked: (telegramId: number) => void setBlocked.run(telegramId),
    /** Their governorate for broadcast segments; '' once they chose to skip (never asked again). */
    governorateOf: (telegramId: number) => db.prepare('SELECT governorate FROM users WHERE telegram_id = ?').pluck().get(telegramId) as string | null | undefined,
    setGovernorate: (telegramId: number, governorate: string) => void db.prepare('UPDATE users SET governorate = ? WHERE telegram_id = ?').run(governorate, telegramId),
    /** The topics they want broadcasts about; null: all of them. */
    topicsOf: (telegramId: number) => {
      const raw = db.prepare('SELECT topics FROM users WHERE telegram_id = ?').pluck().get(telegramId) as string | null | undefined;
      return raw ? (JSON.parse(raw) as string[]) : null;
    },
    setTopics: (telegramId: number, topics: string[] | null) => void db.prepare('UPDATE users SET topics = ? WHERE telegram_id = ?').run(topics && topics.length ? JSON.stringify(topics) : null, telegramId),
  };
}
