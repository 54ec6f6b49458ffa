import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../database/open-database.js';

// A link sent in a private Telegram chat: whoever holds it is that staff member, so it lasts only
// minutes and opens one session.
export const LOGIN_LINK_MINUTES = 10;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export type LoginLinks = ReturnType<typeof createLoginLinks>;

export function createLoginLinks(db: Db, now: () => number = Date.now) {
  const insert = db.prepare('INSERT INTO console_logins (token_hash, user_id, expires_at) VALUES (?, ?, ?)');
  // Used and expired in one statement: two tabs opening the same link cannot both get a session.
  const use = db.prepare('UPDATE console_logins SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING user_id').pluck();
  const prune = db.prepare('DELETE FROM console_logins WHERE expires_at < ?');
  return {
    /** A new one-use token for `userId`. */
    create(userId: number): string {
      prune.run(now() - 24 * 60 * 60 * 1000);
      const token = randomBytes(32).toString('base64url');
      insert.run(hash(token), userId, now() + LOGIN_LINK_MINUTES * 60 * 1000);
      return token;
    },
    /** The staff member the token was made for, once; undefined if unknown, used or expired. */
    use: (token: string): number | undefined => (use.get(now(), hash(token), now()) as number | undefined) ?? undefined,
  };
}
