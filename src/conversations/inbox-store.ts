import { createHash } from 'node:crypto';
import type { Db } from '../database/open-database.js';

/** A Telegram update as plain JSON: this domain does not depend on grammY's types. */
export type RawUpdate = { update_id: number } & Record<string, any>;

export interface InboxItem {
  updateId: number;
  /** Updates of one chat are handled one at a time, in order; different chats in parallel. */
  chatKey: string;
  update: RawUpdate;
}

// Telegram may reuse an update_id after a week without updates. A handled id is kept this long to
// recognise redeliveries, then pruned.
export const HANDLED_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

/** The chat an update belongs to, for per-chat ordering (the user for updates without a chat). */
export function chatKeyOf(update: RawUpdate): string {
  const body = Object.entries(update).find(([key]) => key !== 'update_id')?.[1] as Record<string, any> | undefined;
  const chatId = body?.chat?.id ?? body?.message?.chat?.id;
  if (chatId !== undefined) return `chat:${chatId}`;
  return body?.from?.id !== undefined ? `user:${body.from.id}` : 'none';
}

const userOf = (update: RawUpdate): number | null => {
  const body = Object.entries(update).find(([key]) => key !== 'update_id')?.[1] as Record<string, any> | undefined;
  return typeof body?.from?.id === 'number' ? body.from.id : null;
};

export type InboxStore = ReturnType<typeof createInboxStore>;

export function createInboxStore(db: Db, now: () => number = Date.now) {
  const existing = db.prepare('SELECT payload_hash, handled_at FROM inbox WHERE update_id = ?');
  const insert = db.prepare(
    `INSERT INTO inbox (update_id, chat_key, user_id, payload, payload_hash, received_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (update_id) DO UPDATE SET chat_key = excluded.chat_key, user_id = excluded.user_id, payload = excluded.payload,
       payload_hash = excluded.payload_hash, received_at = excluded.received_at, handled_at = NULL`,
  );
  // The answer logged for an earlier update with the same id must not pass for this one's.
  const detachExchange = db.prepare('UPDATE exchanges SET update_id = NULL WHERE update_id = ?');
  const pending = db.prepare('SELECT update_id, chat_key, payload FROM inbox WHERE handled_at IS NULL ORDER BY update_id');
  const handled = db.prepare('UPDATE inbox SET handled_at = ?, payload = NULL WHERE update_id = ?');
  const prune = db.prepare('DELETE FROM inbox WHERE handled_at IS NOT NULL AND handled_at < ?');
  const forget = db.prepare('DELETE FROM inbox WHERE user_id = ?');
  const backlog = db.prepare('SELECT count(*) FROM inbox WHERE handled_at IS NULL').pluck();

  return {
    /**
     * Stores a fetched batch in one transaction, before its offset is confirmed. Returns the updates
     * that are new: a redelivered update (same content) is skipped; an old id carrying a different
     * update is Telegram's reuse after a week of silence and is stored as new.
     */
    store: db.transaction((updates: RawUpdate[]): InboxItem[] => {
      const fresh: InboxItem[] = [];
      for (const update of updates) {
        const payload = JSON.stringify(update);
        const hash = createHash('sha256').update(payload).digest('hex');
        const row = existing.get(update.update_id) as { payload_hash: string; handled_at: number | null } | undefined;
        if (row && (row.payload_hash === hash || row.handled_at === null)) continue;
        if (row) detachExchange.run(update.update_id);
        const chatKey = chatKeyOf(update);
        insert.run(update.update_id, chatKey, userOf(update), payload, hash, now());
        fresh.push({ updateId: update.update_id, chatKey, update });
      }
      return fresh;
    }),
    /** What was stored but not handled yet, oldest first: the work left by a crash or a stop. */
    pending: (): InboxItem[] =>
      (pending.all() as { update_id: number; chat_key: string; payload: string }[]).map((r) => ({
        updateId: r.update_id,
        chatKey: r.chat_key,
        update: JSON.parse(r.payload) as RawUpdate,
      })),
    /** Done: the payload (the message text) is dropped, the id kept to recognise a redelivery. */
    markHandled: (updateId: number) => void handled.run(now(), updateId),
    pruneHandled: (olderThanMs = HANDLED_KEPT_MS) => prune.run(now() - olderThanMs).changes,
    forgetUser: (userId: number) => forget.run(userId).changes,
    backlog: () => backlog.get() as number,
  };
}
