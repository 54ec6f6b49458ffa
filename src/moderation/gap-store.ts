import type { Db } from '../database/open-database.js';
import { analyzeText } from '../retrieval/analyze-text.js';

// Two questions belong to one gap when their analysed stems overlap this much (Jaccard): the
// engine's own analysis (dialect words, spellings, hamza folded) rather than string equality, so
// «شكد راتب الشرطي» and «كم راتب الشرطه» are one gap.
const SAME_GAP = 0.5;
// Gaps compared with a new question: the most recent ones still open.
const OPEN_GAPS_COMPARED = 5000;

export interface Gap {
  id: number;
  count: number;
  firstAt: string;
  lastAt: string;
  entryId: string | null;
  draftFile: string | null;
  /** The questions still stored (retention and /forget remove them; the count stays). */
  questions: string[];
  watchers: number;
}

const stemsOf = (question: string) => [...new Set(analyzeText(question).stems)];

function jaccard(a: Set<string>, b: string[]): number {
  if (a.size === 0 || b.length === 0) return 0;
  let shared = 0;
  for (const s of b) if (a.has(s)) shared++;
  return shared / (a.size + b.length - shared);
}

export type GapStore = ReturnType<typeof createGapStore>;

export function createGapStore(db: Db) {
  // Open gaps' stems, parsed once: every fallback is compared with all of them. New rows (from this
  // process or a CLI) are read incrementally by id.
  const newer = db.prepare('SELECT id, stems FROM knowledge_gaps WHERE id > ? AND entry_id IS NULL ORDER BY id');
  const cache = new Map<number, string[]>();
  let seen = 0;
  const openGaps = () => {
    for (const row of newer.all(seen) as { id: number; stems: string }[]) {
      cache.set(row.id, JSON.parse(row.stems) as string[]);
      seen = row.id;
    }
    // The most recent first, at most OPEN_GAPS_COMPARED of them.
    while (cache.size > OPEN_GAPS_COMPARED) cache.delete(cache.keys().next().value!);
    return cache;
  };
  const insert = db.prepare('INSERT INTO knowledge_gaps (stems) VALUES (?)');
  const touch = db.prepare("UPDATE knowledge_gaps SET count = count + 1, last_at = datetime('now') WHERE id = ?");
  const addQuestion = db.prepare('INSERT OR IGNORE INTO gap_questions (gap_id, exchange_id, question) VALUES (?, ?, ?)');
  const ofExchange = db.prepare('SELECT gap_id FROM gap_questions WHERE exchange_id = ?').pluck();
  const questions = db.prepare('SELECT question FROM gap_questions WHERE gap_id = ? ORDER BY exchange_id').pluck();
  const toGap = (r: Record<string, any>): Gap => ({
    id: r.id,
    count: r.count,
    firstAt: r.first_at,
    lastAt: r.last_at,
    entryId: r.entry_id,
    draftFile: r.draft_file,
    questions: questions.all(r.id) as string[],
    watchers: r.watchers,
  });
  const SELECT = `SELECT g.*, (SELECT count(*) FROM gap_watchers w WHERE w.gap_id = g.id AND w.notified_at IS NULL) AS watchers FROM knowledge_gaps g`;

  return {
    /** Records an unanswered question in the gap it belongs to (a new one if none is close). Idempotent per exchange. */
    record: db.transaction((exchangeId: number, question: string): number => {
      const existing = ofExchange.get(exchangeId) as number | undefined;
      if (existing) return existing;
      const stems = stemsOf(question);
      const mine = new Set(stems);
      let best: { id: number; similarity: number } | undefined;
      for (const [id, stemsOfGap] of openGaps()) {
        const similarity = jaccard(mine, stemsOfGap);
        if (similarity >= SAME_GAP && similarity > (best?.similarity ?? 0)) best = { id, similarity };
      }
      const gapId = best?.id ?? Number(insert.run(JSON.stringify(stems)).lastInsertRowid);
      touch.run(gapId);
      addQuestion.run(gapId, exchangeId, question);
      return gapId;
    }),
    /** Questions each gap got in the last week and in the week before (its trend), by gap id. */
    trend(now = Date.now()): Map<number, { thisWeek: number; lastWeek: number }> {
      const day = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
      const rows = db
        .prepare(
          `SELECT q.gap_id AS id, sum(x.created_at >= ?) AS thisWeek, sum(x.created_at < ?) AS lastWeek
           FROM gap_questions q JOIN exchanges x ON x.id = q.exchange_id WHERE x.created_at >= ? GROUP BY q.gap_id`,
        )
        .all(day(now - 7 * 86_400_000), day(now - 7 * 86_400_000), day(now - 14 * 86_400_000)) as { id: number; thisWeek: number; lastWeek: number }[];
      return new Map(rows.map((r) => [r.id, { thisWeek: r.thisWeek, lastWeek: r.lastWeek }]));
    },
    gapOf: (exchangeId: number) => ofExchange.get(exchangeId) as number | undefined,
    get: (id: number) => {
      const row = db.prepare(`${SELECT} WHERE g.id = ?`).get(id) as Record<string, any> | undefined;
      return row && toGap(row);
    },
    /** Open gaps first, by how often they were asked. */
    list: (limit = 50) => (db.prepare(`${SELECT} ORDER BY g.entry_id IS NOT NULL, g.count DESC, g.id LIMIT ?`).all(limit) as Record<string, any>[]).map(toGap),
    setDraft: (id: number, file: string) => void db.prepare('UPDATE knowledge_gaps SET draft_file = ? WHERE id = ?').run(file, id),
    /** "Tell me when there is an answer": the only way a citizen is stored as waiting. */
    watch: (gapId: number, userId: number, chatId: number, language: string) =>
      db.prepare('INSERT OR IGNORE INTO gap_watchers (gap_id, user_id, chat_id, language) VALUES (?, ?, ?, ?)').run(gapId, userId, chatId, language).changes > 0,
    /** Open gaps somebody is waiting on, with a question to try again. */
    watched: () =>
      (db
        .prepare(
          `SELECT g.id, (SELECT question FROM gap_questions q WHERE q.gap_id = g.id ORDER BY exchange_id DESC LIMIT 1) AS question
           FROM knowledge_gaps g WHERE g.entry_id IS NULL AND EXISTS (SELECT 1 FROM gap_watchers w WHERE w.gap_id = g.id AND w.notified_at IS NULL)`,
        )
        .all() as { id: number; question: string | null }[]).filter((g): g is { id: number; question: string } => g.question !== null),
    markAnswered: (id: number, entryId: string) => {
      db.prepare("UPDATE knowledge_gaps SET entry_id = ?, answered_at = datetime('now') WHERE id = ?").run(entryId, id);
      cache.delete(id);
    },
    watchersOf: (id: number) => db.prepare('SELECT user_id AS userId, chat_id AS chatId, language FROM gap_watchers WHERE gap_id = ? AND notified_at IS NULL').all(id) as { userId: number; chatId: number; language: 'ar' | 'en' | 'ckb' }[],
    markNotified: (id: number, userId: number) => void db.prepare("UPDATE gap_watchers SET notified_at = datetime('now') WHERE gap_id = ? AND user_id = ?").run(id, userId),
  };
}
