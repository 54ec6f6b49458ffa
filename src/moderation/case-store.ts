import type { Db } from '../database/open-database.js';

export const OUTCOMES = ['answered', 'referred-911', 'no-action', 'spam', 'abuse'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type CaseStatus = 'open' | 'taken' | 'resolved';

export interface CaseRow {
  id: number;
  userId: number;
  chatId: number;
  language: 'ar' | 'en' | 'ckb';
  status: CaseStatus;
  urgent: boolean;
  assignee: number | null;
  outcome: Outcome | null;
  humanActive: boolean;
  forgotten: boolean;
  openedAt: number;
  takenAt: number | null;
  firstReplyAt: number | null;
  resolvedAt: number | null;
  threadId: number | null;
  cardMessageId: number | null;
  pinned: boolean;
  version: number;
  cardVersion: number;
}

export interface CaseExchange {
  id: number;
  kind: string;
  question: string;
  answerText: string;
  entryId: string | null;
  confidence: number;
  staffId: number | null;
  createdAt: string;
  /** The citizen's 👍 (1) or 👎 (-1) on this answer, and what they wrote after a 👎. */
  rating?: number | null;
  comment?: string | null;
}

export interface CaseDetails {
  case: CaseRow;
  labels: string[];
  pseudonym: number;
  /** The exchange that opened the case (the question as received), when it still exists. */
  first: CaseExchange | undefined;
  /** The citizen's last few exchanges, oldest first. */
  recent: CaseExchange[];
  notes: number;
}

const now = () => Date.now();
const CASE_COLUMNS = `id, user_id, chat_id, language, status, urgent, assignee, outcome, human_active, forgotten, opened_at,
  taken_at, first_reply_at, resolved_at, thread_id, card_message_id, pinned, version, card_version`;

function toCase(r: Record<string, any>): CaseRow {
  return {
    id: r.id,
    userId: r.user_id,
    chatId: r.chat_id,
    language: ['en', 'ckb'].includes(r.language) ? r.language : 'ar',
    status: r.status,
    urgent: r.urgent === 1,
    assignee: r.assignee,
    outcome: r.outcome,
    humanActive: r.human_active === 1,
    forgotten: r.forgotten === 1,
    openedAt: r.opened_at,
    takenAt: r.taken_at,
    firstReplyAt: r.first_reply_at,
    resolvedAt: r.resolved_at,
    threadId: r.thread_id,
    cardMessageId: r.card_message_id,
    pinned: r.pinned === 1,
    version: r.version,
    cardVersion: r.card_version,
  };
}

const toExchange = (r: Record<string, any>): CaseExchange => ({
  id: r.id,
  kind: r.answer_kind,
  question: r.question,
  answerText: r.answer_text,
  entryId: r.entry_id,
  confidence: r.confidence,
  staffId: r.staff_id,
  createdAt: r.created_at,
  rating: r.rating ?? null,
  comment: r.feedback_comment ?? null,
});

export type CaseStore = ReturnType<typeof createCaseStore>;

/**
 * Cases (migration 007): one open case per citizen, opened by the flags trigger. Every change bumps
 * `version`, which tells the desk's queue to edit the card; every action is in `case_actions`.
 */
export function createCaseStore(db: Db) {
  const byId = db.prepare(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = ?`);
  const openOf = db.prepare(`SELECT ${CASE_COLUMNS} FROM cases WHERE user_id = ? AND status != 'resolved'`);
  const byThread = db.prepare(`SELECT ${CASE_COLUMNS} FROM cases WHERE thread_id = ? ORDER BY id DESC LIMIT 1`);
  const byCard = db.prepare(`SELECT ${CASE_COLUMNS} FROM cases WHERE card_message_id = ? ORDER BY id DESC LIMIT 1`);
  const due = db.prepare(`SELECT ${CASE_COLUMNS} FROM cases WHERE card_version < version ORDER BY urgent DESC, id LIMIT ?`);
  const action = db.prepare('INSERT INTO case_actions (case_id, actor, action, detail) VALUES (?, ?, ?, ?)');
  const bump = db.prepare('UPDATE cases SET version = version + 1 WHERE id = ?');
  const insertExchange = db.prepare(
    `INSERT INTO exchanges (update_id, chat_id, user_id, question, normalized, language, answer_text, answer_kind,
       confidence, latency_ms, staff_id, delivery)
     VALUES (@updateId, @chatId, @userId, @question, '', @language, @answerText, @kind, 1, 0, @staffId, @delivery)`,
  );
  const exchangeOfUpdate = db.prepare('SELECT id FROM exchanges WHERE update_id = ?').pluck();
  const get = (id: number) => {
    const row = byId.get(id) as Record<string, any> | undefined;
    return row && toCase(row);
  };

  /** A moderator acting on an open case takes it, unless someone already has. */
  const takeIfOpen = (c: CaseRow, staffId: number) => {
    if (c.status !== 'open') return;
    db.prepare("UPDATE cases SET status = 'taken', assignee = ?, taken_at = ? WHERE id = ?").run(staffId, now(), c.id);
    action.run(c.id, staffId, 'take', null);
  };

  return {
    get,
    openOf: (userId: number) => {
      const row = openOf.get(userId) as Record<string, any> | undefined;
      return row && toCase(row);
    },
    /** The case a message in the review group belongs to: by its forum topic, or the card it replies to. */
    byThread: (threadId: number) => {
      const row = byThread.get(threadId) as Record<string, any> | undefined;
      return row && toCase(row);
    },
    byCard: (messageId: number) => {
      const row = byCard.get(messageId) as Record<string, any> | undefined;
      return row && toCase(row);
    },
    /** Cases whose card must be posted or edited, urgent first. */
    cardsDue: (limit = 20) => (due.all(limit) as Record<string, any>[]).map(toCase),
    /** Cases not resolved, urgent first, then oldest first. */
    listOpen: (limit = 100) =>
      (db.prepare(`SELECT ${CASE_COLUMNS} FROM cases WHERE status != 'resolved' ORDER BY urgent DESC, opened_at, id LIMIT ?`).all(limit) as Record<string, any>[]).map(toCase),
    /**
     * The queue as the console filters it: by status (open and taken, resolved, or all), by a flag
     * reason, by the citizen's language, by assignee (or none), by age; urgent first, then oldest.
     */
    list(filter: { status?: 'open' | 'resolved' | 'all'; reason?: string; language?: string; assignee?: number | 'none'; olderThanHours?: number; limit?: number } = {}): (CaseRow & { labels: string[] })[] {
      const where: string[] = [];
      const args: (string | number)[] = [];
      if ((filter.status ?? 'open') === 'open') where.push("status != 'resolved'");
      else if (filter.status === 'resolved') where.push("status = 'resolved'");
      if (filter.reason) where.push('id IN (SELECT case_id FROM case_labels WHERE label = ?)'), args.push(filter.reason);
      if (filter.language) where.push('language = ?'), args.push(filter.language);
      if (filter.assignee === 'none') where.push('assignee IS NULL');
      else if (filter.assignee !== undefined) where.push('assignee = ?'), args.push(filter.assignee);
      if (filter.olderThanHours) where.push('opened_at <= ?'), args.push(now() - filter.olderThanHours * 3_600_000);
      const sql = `SELECT ${CASE_COLUMNS}, (SELECT group_concat(label, ' ') FROM case_labels l WHERE l.case_id = cases.id) AS labels
        FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY urgent DESC, opened_at, id LIMIT ?`;
      return (db.prepare(sql).all(...args, filter.limit ?? 200) as Record<string, any>[]).map((r) => ({ ...toCase(r), labels: r.labels ? String(r.labels).split(' ') : [] }));
    },
    /** A case's internal notes and its actions, oldest first (the console's case page). */
    timeline(id: number) {
      return {
        notes: db.prepare('SELECT author, text, at FROM case_notes WHERE case_id = ? ORDER BY id').all(id) as { author: number; text: string; at: string }[],
        actions: db.prepare('SELECT actor, action, detail, at FROM case_actions WHERE case_id = ? ORDER BY id').all(id) as { actor: number | null; action: string; detail: string | null; at: number }[],
      };
    },
    details(id: number, recentCount = 4): CaseDetails | undefined {
      const c = get(id);
      if (!c) return undefined;
      const labels = db.prepare('SELECT label FROM case_labels WHERE case_id = ? ORDER BY label').pluck().all(id) as string[];
      const first = db
        .prepare(
          `SELECT e.* FROM case_exchanges ce JOIN exchanges e ON e.id = ce.exchange_id
           WHERE ce.case_id = ? ORDER BY e.id LIMIT 1`,
        )
        .get(id) as Record<string, any> | undefined;
      const recent = (
        db
          .prepare(
            `SELECT e.*, f.rating AS rating, f.comment AS feedback_comment FROM exchanges e LEFT JOIN feedback f ON f.exchange_id = e.id
             WHERE e.user_id = ? AND e.id >= ? ORDER BY e.id DESC LIMIT ?`,
          )
          .all(c.userId, first?.id ?? 0, recentCount) as Record<string, any>[]
      )
        .reverse()
        .map(toExchange);
      const pseudonym = (db.prepare('SELECT pseudonym FROM users WHERE telegram_id = ?').pluck().get(c.userId) as number | null) ?? 1000 + (c.id % 9000);
      const notes = db.prepare('SELECT count(*) FROM case_notes WHERE case_id = ?').pluck().get(id) as number;
      return { case: c, labels, pseudonym, first: first && toExchange(first), recent, notes };
    },
    markCardPosted: (id: number, version: number, at: { threadId?: number | null; cardMessageId?: number | null; pinned?: boolean }) =>
      void db
        .prepare(
          `UPDATE cases SET card_version = max(card_version, ?), thread_id = coalesce(?, thread_id),
             card_message_id = coalesce(?, card_message_id), pinned = coalesce(?, pinned) WHERE id = ?`,
        )
        .run(version, at.threadId ?? null, at.cardMessageId ?? null, at.pinned === undefined ? null : at.pinned ? 1 : 0, id),
    /** A thread id that stopped working (topic deleted): the next card goes to a new one. */
    forgetThread: (id: number) => void db.prepare('UPDATE cases SET thread_id = NULL, card_message_id = NULL, version = version + 1 WHERE id = ?').run(id),
    take: db.transaction((id: number, staffId: number): CaseRow | undefined => {
      const c = get(id);
      if (!c || c.status === 'resolved') return undefined;
      if (c.status === 'taken' && c.assignee === staffId) return c;
      db.prepare("UPDATE cases SET status = 'taken', assignee = ?, taken_at = coalesce(taken_at, ?) WHERE id = ?").run(staffId, now(), id);
      action.run(id, staffId, c.status === 'taken' ? 'reassign' : 'take', null);
      bump.run(id);
      return get(id);
    }),
    /** Resolves the case and its flags; undefined when it was not open. */
    resolve: db.transaction((id: number, staffId: number | null, outcome: Outcome): CaseRow | undefined => {
      const c = get(id);
      if (!c || c.status === 'resolved') return undefined;
      db.prepare("UPDATE cases SET status = 'resolved', outcome = ?, resolved_at = ?, human_active = 0, assignee = coalesce(assignee, ?) WHERE id = ?").run(
        outcome,
        now(),
        staffId,
        id,
      );
      db.prepare(
        `UPDATE flags SET status = 'resolved', resolved_at = datetime('now')
         WHERE status = 'open' AND exchange_id IN (SELECT exchange_id FROM case_exchanges WHERE case_id = ?)`,
      ).run(id);
      action.run(id, staffId, 'resolve', outcome);
      bump.run(id);
      return c;
    }),
    /** Reopens a resolved case, unless the citizen has another open one by now. */
    reopen: db.transaction((id: number, staffId: number): boolean => {
      const c = get(id);
      if (!c || c.status !== 'resolved' || openOf.get(c.userId)) return false;
      db.prepare("UPDATE cases SET status = 'open', outcome = NULL, resolved_at = NULL, assignee = NULL WHERE id = ?").run(id);
      action.run(id, staffId, 'reopen', null);
      bump.run(id);
      return true;
    }),
    addNote: db.transaction((id: number, staffId: number, text: string) => {
      db.prepare('INSERT INTO case_notes (case_id, author, text) VALUES (?, ?, ?)').run(id, staffId, text);
      action.run(id, staffId, 'note', null);
      bump.run(id);
    }),
    addLabel: db.transaction((id: number, staffId: number, label: string) => {
      db.prepare('INSERT OR IGNORE INTO case_labels (case_id, label) VALUES (?, ?)').run(id, label);
      action.run(id, staffId, 'label', label);
      bump.run(id);
    }),
    /**
     * A moderator's reply, stored as an exchange of kind `human` (sent by the outbox) in the same
     * transaction that marks the case taken by them. Idempotent by the group update's id: a
     * redelivered or re-handled update finds its exchange and stores nothing new.
     */
    recordRelay: db.transaction((c: CaseRow, staffId: number, updateId: number, text: string, html: string): number => {
      const earlier = exchangeOfUpdate.get(updateId) as number | undefined;
      if (earlier) return earlier;
      const { lastInsertRowid } = insertExchange.run({
        updateId,
        chatId: c.chatId,
        userId: c.userId,
        question: text,
        language: c.language,
        answerText: html,
        kind: 'human',
        staffId,
        delivery: 'pending',
      });
      takeIfOpen(c, staffId);
      db.prepare('UPDATE cases SET human_active = 1, first_reply_at = coalesce(first_reply_at, ?) WHERE id = ?').run(now(), c.id);
      action.run(c.id, staffId, 'reply', null);
      bump.run(c.id);
      return Number(lastInsertRowid);
    }),
    /** A citizen's message during a human conversation: stored, and queued for the case's topic. */
    recordCitizenMessage: db.transaction((c: CaseRow, updateId: number, question: string, language: string): void => {
      if (exchangeOfUpdate.get(updateId)) return;
      const { lastInsertRowid } = insertExchange.run({
        updateId,
        chatId: c.chatId,
        userId: c.userId,
        question,
        language,
        answerText: '',
        kind: 'to-team',
        staffId: null,
        delivery: 'sent',
      });
      db.prepare('INSERT INTO case_exchanges (case_id, exchange_id) VALUES (?, ?)').run(c.id, lastInsertRowid);
      db.prepare('INSERT INTO case_messages (case_id, exchange_id) VALUES (?, ?)').run(c.id, lastInsertRowid);
    }),
    /**
     * `/human`: a notice to the citizen and an `asked-for-human` flag on it, which opens (or joins)
     * their case. Idempotent by update id. Returns the notice's exchange id.
     */
    requestHuman: db.transaction((updateId: number, chatId: number, userId: number, language: string, html: string): number => {
      const earlier = exchangeOfUpdate.get(updateId) as number | undefined;
      if (earlier) return earlier;
      const id = Number(
        insertExchange.run({ updateId, chatId, userId, question: '/human', language, answerText: html, kind: 'notice', staffId: null, delivery: 'pending' }).lastInsertRowid,
      );
      db.prepare("INSERT OR IGNORE INTO flags (exchange_id, reason) VALUES (?, 'asked-for-human')").run(id);
      return id;
    }),
    /** A message from the bot to the citizen about their case (e.g. "back with the assistant"). */
    recordNotice: (c: Pick<CaseRow, 'chatId' | 'userId' | 'language'>, html: string) =>
      Number(
        insertExchange.run({ updateId: null, chatId: c.chatId, userId: c.userId, question: '', language: c.language, answerText: html, kind: 'notice', staffId: null, delivery: 'pending' })
          .lastInsertRowid,
      ),
    unpostedMessages: (limit = 20) =>
      db
        .prepare(
          `SELECT m.id, m.case_id AS caseId, e.question AS text FROM case_messages m JOIN exchanges e ON e.id = m.exchange_id
           WHERE m.posted_at IS NULL ORDER BY m.id LIMIT ?`,
        )
        .all(limit) as { id: number; caseId: number; text: string }[],
    markMessagePosted: (id: number) => void db.prepare('UPDATE case_messages SET posted_at = ? WHERE id = ?').run(now(), id),
    /** Urgent cases nobody took whose last alert (or opening) is at least `periodMs` old. */
    unacknowledgedUrgent: (periodMs: number) =>
      (
        db
          .prepare(`SELECT ${CASE_COLUMNS} FROM cases WHERE urgent = 1 AND status = 'open' AND coalesce(last_alert_at, opened_at) <= ?`)
          .all(now() - periodMs) as Record<string, any>[]
      ).map(toCase),
    markAlerted: (id: number) => {
      db.prepare('UPDATE cases SET last_alert_at = ? WHERE id = ?').run(now(), id);
      action.run(id, null, 'alert', null);
    },
    actions: (id: number) => db.prepare('SELECT actor, action, detail, at FROM case_actions WHERE case_id = ? ORDER BY id').all(id) as { actor: number | null; action: string; detail: string | null; at: number }[],
  };
}
