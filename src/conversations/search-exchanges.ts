import type { Db } from '../database/open-database.js';
import { normalizeArabic } from '../retrieval/normalize-arabic.js';

export interface ExchangeFilter {
  /** Words, matched as the engine normalises them («الشرطه» finds «الشرطة»). */
  text?: string;
  /** Days, inclusive, YYYY-MM-DD. */
  from?: string;
  to?: string;
  kind?: string;
  entry?: string;
  language?: string;
  limit?: number;
}

export interface FoundExchange {
  id: number;
  createdAt: string;
  userId: number;
  question: string;
  kind: string;
  entryId: string | null;
  language: string;
}

/**
 * What citizens asked, newest first: by words (each word of three letters or more must appear in
 * the normalised question; shorter ones are too common to narrow anything), by date, by kind of
 * answer, by the entry that answered, by language. Staff replies and notices are not questions.
 */
export function searchExchanges(db: Db, filter: ExchangeFilter): FoundExchange[] {
  const where = ["x.answer_kind NOT IN ('human', 'notice')"];
  const args: (string | number)[] = [];
  const words = normalizeArabic(filter.text ?? '')
    .split(/\s+/)
    .filter((w) => [...w].length >= 3);
  let from = 'exchanges x';
  if (words.length) {
    from = 'exchanges_search s JOIN exchanges x ON x.id = s.rowid';
    where.push('exchanges_search MATCH ?');
    args.push(words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND '));
  }
  if (filter.from) where.push('x.created_at >= ?'), args.push(`${filter.from} 00:00:00`);
  if (filter.to) where.push('x.created_at <= ?'), args.push(`${filter.to} 23:59:59`);
  if (filter.kind) where.push('x.answer_kind = ?'), args.push(filter.kind);
  if (filter.entry) where.push('x.entry_id = ?'), args.push(filter.entry);
  if (filter.language) where.push('x.language = ?'), args.push(filter.language);
  return db
    .prepare(
      `SELECT x.id, x.created_at AS createdAt, x.user_id AS userId, x.question, x.answer_kind AS kind, x.entry_id AS entryId, x.language
       FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${words.length ? 's.rowid' : 'x.id'} DESC LIMIT ?`,
    )
    .all(...args, filter.limit ?? 100) as FoundExchange[];
}
