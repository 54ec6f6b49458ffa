import type { Db } from '../database/open-database.js';
import type { OutgoingAnswer } from './exchange-store.js';

interface Row {
  id: number;
  chat_id: number;
  answer_text: string;
  parts_sent: number;
  reply_markup: string | null;
  attempts: number;
  next_attempt_at: number;
  created_ms: number;
}

const toAnswer = (r: Row): OutgoingAnswer => ({
  id: r.id,
  chatId: r.chat_id,
  answerText: r.answer_text,
  partsSent: r.parts_sent,
  replyMarkup: r.reply_markup ? (JSON.parse(r.reply_markup) as object) : undefined,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  createdAtMs: r.created_ms,
});

const COLUMNS = `id, chat_id, answer_text, parts_sent, reply_markup, attempts, next_attempt_at,
  CAST(strftime('%s', created_at) AS INTEGER) * 1000 AS created_ms`;

export type OutboxStore = ReturnType<typeof createOutboxStore>;

/**
 * The delivery state of answers (migration 003). Each change is one statement, written before a
 * part goes to Telegram ('sending') and after it was accepted, so that a crash in between is seen.
 */
export function createOutboxStore(db: Db) {
  const flag = db.prepare("INSERT OR IGNORE INTO flags (exchange_id, reason) VALUES (?, 'undelivered')");
  const dueChats = db.prepare(
    `SELECT chat_id FROM exchanges WHERE delivery = 'pending' AND next_attempt_at <= ? GROUP BY chat_id ORDER BY min(id) LIMIT ?`,
  ).pluck();
  const ofChat = db.prepare(`SELECT ${COLUMNS} FROM exchanges WHERE delivery = 'pending' AND chat_id = ? ORDER BY id`);
  const sending = db.prepare("UPDATE exchanges SET delivery = 'sending', parts_sent = ?, attempts = attempts + 1 WHERE id = ?");
  const partSent = db.prepare('UPDATE exchanges SET parts_sent = ?, delivery = ? , delivered_at = CASE WHEN ? THEN datetime(\'now\') END, last_error = NULL WHERE id = ?');
  const retry = db.prepare("UPDATE exchanges SET delivery = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?");
  const settle = db.prepare('UPDATE exchanges SET delivery = ?, last_error = ? WHERE id = ?');
  const leftSending = db.prepare("SELECT id FROM exchanges WHERE delivery = 'sending'").pluck();
  const stale = db.prepare("SELECT id FROM exchanges WHERE delivery = 'pending' AND created_at < datetime('now', ?)").pluck();
  const counts = db.prepare("SELECT delivery, count(*) AS n FROM exchanges WHERE delivery != 'sent' GROUP BY delivery");

  const giveUp = db.transaction((id: number, state: 'unknown' | 'failed', reason: string, raiseFlag: boolean) => {
    settle.run(state, reason, id);
    if (raiseFlag) flag.run(id);
  });

  return {
    /** Chats with an answer due now, oldest first. */
    dueChats: (now: number, limit = 500) => dueChats.all(now, limit) as number[],
    /** A chat's waiting answers in the order they were asked. */
    pendingOf: (chatId: number) => (ofChat.all(chatId) as Row[]).map(toAnswer),
    markSending: (id: number, part: number) => void sending.run(part, id),
    markPartSent: (id: number, partsSent: number, done: boolean) => void partSent.run(partsSent, done ? 'sent' : 'pending', done ? 1 : 0, id),
    reschedule: (id: number, at: number, reason: string) => void retry.run(at, reason, id),
    /** Telegram may have received it: never resent automatically; moderators are told. */
    markUnknown: (id: number, reason: string) => giveUp(id, 'unknown', reason, true),
    /** Refused for good. A user who blocked the bot needs no moderator; anything else does. */
    markFailed: (id: number, reason: string, raiseFlag = true) => giveUp(id, 'failed', reason, raiseFlag),
    /** At start-up: a part left 'sending' by a crash may or may not have reached the citizen. */
    recoverAfterCrash: db.transaction((): number => {
      const ids = leftSending.all() as number[];
      for (const id of ids) giveUp(id, 'unknown', 'the process stopped while this answer was being sent', true);
      return ids.length;
    }),
    /** Answers still unsent after `hours` are no longer an answer to anything: failed, flagged. */
    expireStale: db.transaction((hours: number): number => {
      const ids = stale.all(`-${hours} hours`) as number[];
      for (const id of ids) giveUp(id, 'failed', `not delivered within ${hours} hours`, true);
      return ids.length;
    }),
    counts: () => Object.fromEntries((counts.all() as { delivery: string; n: number }[]).map((r) => [r.delivery, r.n])),
  };
}
