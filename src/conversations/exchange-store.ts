import { kindOf, type Answer, type AnswerKind } from '../answering/answer.js';
import type { Db } from '../database/open-database.js';

export type FlagReason = 'urgent' | 'possibly-urgent' | 'fallback' | 'thumbs-down' | 'asked-for-human' | 'undelivered';

export type Delivery = 'pending' | 'sending' | 'sent' | 'unknown' | 'failed';

export interface NewExchange {
  updateId: number | null;
  chatId: number;
  userId: number;
  answer: Answer;
  answerText: string;
  latencyMs: number;
  /** The buttons under the answer, which carry the exchange's id (known once it is stored). */
  replyMarkup?: (exchangeId: number) => object;
}

export interface StoredExchange {
  id: number;
  answerText: string;
  answerKind: AnswerKind;
  delivery: Delivery;
}

/** An answer waiting in the outbox. */
export interface OutgoingAnswer {
  id: number;
  chatId: number;
  answerText: string;
  partsSent: number;
  replyMarkup: object | undefined;
  attempts: number;
  nextAttemptAt: number;
  createdAtMs: number;
}

export type ExchangeStore = ReturnType<typeof createExchangeStore>;

/** Flags a new exchange raises by itself: moderators see knowledge gaps and emergencies. */
function automaticFlags(answer: Answer): FlagReason[] {
  if (answer.kind === 'urgent') return ['urgent'];
  const flags: FlagReason[] = answer.caution ? ['possibly-urgent'] : [];
  if (answer.kind === 'fallback') flags.push('fallback');
  return flags;
}

export function createExchangeStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO exchanges (update_id, chat_id, user_id, question, normalized, language, answer_text,
       answer_kind, hits, entry_id, passage, confidence, latency_ms)
     VALUES (@updateId, @chatId, @userId, @question, @normalized, @language, @answerText,
       @kind, @hits, @entryId, @passage, @confidence, @latencyMs)`,
  );
  const count = db.prepare(
    `INSERT INTO daily_counts (day, kind, count) VALUES (date('now'), ?, 1)
     ON CONFLICT (day, kind) DO UPDATE SET count = count + 1`,
  );
  const flag = db.prepare('INSERT OR IGNORE INTO flags (exchange_id, reason) VALUES (?, ?)');
  const byUpdate = db.prepare('SELECT id, answer_text, answer_kind, delivery FROM exchanges WHERE update_id = ?');
  const setMarkup = db.prepare('UPDATE exchanges SET reply_markup = ? WHERE id = ?');
  const owner = db.prepare('SELECT user_id FROM exchanges WHERE id = ?').pluck();
  const servedBy = db.prepare('SELECT user_id, entry_id, passage FROM exchanges WHERE id = ?');
  const askedBy = db.prepare('SELECT user_id, question, hits FROM exchanges WHERE id = ?');
  const rate = db.prepare(
    `INSERT INTO feedback (exchange_id, rating) VALUES (?, ?)
     ON CONFLICT (exchange_id) DO UPDATE SET rating = excluded.rating, created_at = datetime('now')`,
  );
  const comment = db.prepare('UPDATE feedback SET comment = ? WHERE exchange_id = ?');
  const lastThumbsDown = db.prepare(
    `SELECT f.exchange_id FROM feedback f JOIN exchanges e ON e.id = f.exchange_id
     WHERE e.user_id = ? AND f.rating = -1 AND f.comment IS NULL AND f.created_at >= datetime('now', '-10 minutes')
     ORDER BY f.created_at DESC LIMIT 1`,
  ).pluck();

  const record = db.transaction((x: NewExchange): number => {
    const a = x.answer;
    const { lastInsertRowid } = insert.run({
      updateId: x.updateId,
      chatId: x.chatId,
      userId: x.userId,
      question: a.question,
      normalized: a.normalized,
      language: a.language,
      answerText: x.answerText,
      kind: kindOf(a),
      hits: JSON.stringify(a.hits),
      passage: a.kind === 'answered' ? a.passage : null,
      entryId: a.kind === 'answered' || a.kind === 'urgent' ? (a.entry?.id ?? null) : null,
      confidence: a.confidence,
      latencyMs: x.latencyMs,
    });
    const id = Number(lastInsertRowid);
    if (x.replyMarkup) setMarkup.run(JSON.stringify(x.replyMarkup(id)), id);
    count.run(a.kind);
    for (const reason of automaticFlags(a)) flag.run(id, reason);
    return id;
  });

  return {
    /** Stores the exchange, its daily count and its automatic flags in one transaction. */
    record,
    /** The exchange already stored for a Telegram update, if it is being handled again. */
    findByUpdate(updateId: number): StoredExchange | undefined {
      const row = byUpdate.get(updateId) as { id: number; answer_text: string; answer_kind: AnswerKind; delivery: Delivery } | undefined;
      return row && { id: row.id, answerText: row.answer_text, answerKind: row.answer_kind, delivery: row.delivery };
    },
    /** The entry and paragraph an exchange showed, for "all sources" and "Arabic original". */
    served: (id: number) => servedBy.get(id) as { user_id: number; entry_id: string | null; passage: number | null } | undefined,
    /** The question of an exchange and the entries it matched, best first (for its suggestions). */
    asked(id: number): { userId: number; question: string; entryIds: string[] } | undefined {
      const row = askedBy.get(id) as { user_id: number; question: string; hits: string } | undefined;
      if (!row) return undefined;
      const hits = JSON.parse(row.hits) as { id: string }[];
      return { userId: row.user_id, question: row.question, entryIds: hits.map((h) => h.id) };
    },
    /** The exchange's owner, so that one user cannot rate or flag another's exchange. */
    ownerOf: (id: number) => owner.get(id) as number | undefined,
    raiseFlag: (exchangeId: number, reason: FlagReason) => flag.run(exchangeId, reason).changes > 0,
    rate: db.transaction((exchangeId: number, rating: 1 | -1) => {
      rate.run(exchangeId, rating);
      if (rating === -1) flag.run(exchangeId, 'thumbs-down');
    }),
    /** The user's recent 👎 still waiting for a "what was wrong?" comment. */
    pendingComment: (userId: number) => lastThumbsDown.get(userId) as number | undefined,
    addComment: (exchangeId: number, text: string) => void comment.run(text, exchangeId),
  };
}
