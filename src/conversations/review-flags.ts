import type { Db } from '../database/open-database.js';

export interface OpenFlag {
  id: number;
  reason: string;
  createdAt: string;
  exchange: { id: number; chatId: number; question: string; answerKind: string; answerText: string; confidence: number; createdAt: string };
  feedback: { rating: number; comment: string | null } | null;
}

export function listOpenFlags(db: Db, limit = 100): OpenFlag[] {
  const rows = db
    .prepare(
      `SELECT f.id, f.reason, f.created_at, e.id AS exchange_id, e.chat_id, e.question, e.answer_kind, e.answer_text,
              e.confidence, e.created_at AS exchange_created_at, fb.rating, fb.comment
       FROM flags f JOIN exchanges e ON e.id = f.exchange_id LEFT JOIN feedback fb ON fb.exchange_id = e.id
       WHERE f.status = 'open' ORDER BY f.created_at, f.id LIMIT ?`,
    )
    .all(limit) as Record<string, any>[];
  return rows.map((r) => ({
    id: r.id,
    reason: r.reason,
    createdAt: r.created_at,
    exchange: {
      id: r.exchange_id,
      chatId: r.chat_id,
      question: r.question,
      answerKind: r.answer_kind,
      answerText: r.answer_text,
      confidence: r.confidence,
      createdAt: r.exchange_created_at,
    },
    feedback: r.rating === null ? null : { rating: r.rating, comment: r.comment },
  }));
}

/** Closes an open flag; false when there is no open flag with that id. */
export function resolveFlag(db: Db, id: number): boolean {
  return db.prepare("UPDATE flags SET status = 'resolved', resolved_at = datetime('now') WHERE id = ? AND status = 'open'").run(id).changes > 0;
}
