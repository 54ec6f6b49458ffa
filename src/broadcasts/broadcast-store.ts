import type { Db } from '../database/open-database.js';

export const GOVERNORATES = [
  'baghdad', 'basra', 'nineveh', 'erbil', 'sulaymaniyah', 'duhok', 'kirkuk', 'anbar', 'babil', 'karbala',
  'najaf', 'wasit', 'diyala', 'salahaddin', 'diwaniyah', 'muthanna', 'dhiqar', 'maysan',
] as const;
export type Governorate = (typeof GOVERNORATES)[number];

export interface Audience {
  language?: 'ar' | 'en' | 'ckb';
  topic?: string;
  governorate?: Governorate;
}

export type BroadcastState = 'composing' | 'draft' | 'awaiting-approval' | 'approved' | 'sending' | 'done' | 'cancelled' | 'rejected';
export type RecipientState = 'pending' | 'sending' | 'sent' | 'failed' | 'stopped' | 'unknown';

export interface Broadcast {
  id: number;
  author: number;
  state: BroadcastState;
  text: string | null;
  fromChatId: number | null;
  messageId: number | null;
  audience: Audience;
  scheduledAt: number | null;
  approvedBy: number | null;
  reason: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  total: number | null;
  progressChatId: number | null;
  progressMessageId: number | null;
}

export interface BroadcastStatus {
  id: number;
  state: BroadcastState;
  total: number;
  sent: number;
  failed: number;
  stopped: number;
  unknown: number;
  pending: number;
}

const toBroadcast = (r: Record<string, any>): Broadcast => ({
  id: r.id,
  author: r.author,
  state: r.state,
  text: r.text,
  fromChatId: r.from_chat_id,
  messageId: r.message_id,
  audience: JSON.parse(r.audience) as Audience,
  scheduledAt: r.scheduled_at,
  approvedBy: r.approved_by,
  reason: r.reason,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  total: r.total,
  progressChatId: r.progress_chat_id,
  progressMessageId: r.progress_message_id,
});

/** Subscribed, not blocked, and in the segment: the only people a broadcast may reach. */
function segment(audience: Audience): { where: string; params: unknown[] } {
  const where = ['u.subscribed = 1', 'u.blocked = 0'];
  const params: unknown[] = [];
  if (audience.language) (where.push('u.language = ?'), params.push(audience.language));
  if (audience.governorate) (where.push('u.governorate = ?'), params.push(audience.governorate));
  // No topic list means every topic.
  if (audience.topic) (where.push('(u.topics IS NULL OR EXISTS (SELECT 1 FROM json_each(u.topics) WHERE value = ?))'), params.push(audience.topic));
  return { where: where.join(' AND '), params };
}

/** Why a step is refused: `code` names it for the bot's localized reply, the message for the CLI. */
export class BroadcastRuleError extends Error {
  override name = 'BroadcastRuleError';
  constructor(
    readonly code: 'not-changeable' | 'self-approval' | 'self-rejection',
    message: string,
  ) {
    super(message);
  }
}

export type BroadcastStore = ReturnType<typeof createBroadcastStore>;

export function createBroadcastStore(db: Db, options: { approvals: boolean } = { approvals: true }) {
  const get = db.prepare('SELECT * FROM broadcasts WHERE id = ?');
  const audit = db.prepare('INSERT INTO broadcast_audit (broadcast_id, actor, action, detail) VALUES (?, ?, ?, ?)');
  const setState = db.prepare('UPDATE broadcasts SET state = ? WHERE id = ?');
  const counts = db.prepare('SELECT state, count(*) AS n FROM broadcast_recipients WHERE broadcast_id = ? GROUP BY state');
  const finalCounts = db.prepare('SELECT counts FROM broadcasts WHERE id = ?').pluck();
  const find = (id: number) => {
    const row = get.get(id) as Record<string, any> | undefined;
    return row && toBroadcast(row);
  };
  const now = () => Date.now();

  const store = {
    find,
    /** How many people a segment reaches now. */
    audienceSize(audience: Audience): number {
      const { where, params } = segment(audience);
      return db.prepare(`SELECT count(*) FROM users u WHERE ${where}`).pluck().get(...params) as number;
    },
    create: db.transaction(
      (author: number, content: { text: string } | { fromChatId: number; messageId: number }, audience: Audience, scheduledAt: number | null = null): Broadcast => {
        const text = 'text' in content ? content.text : null;
        const { lastInsertRowid } = db
          .prepare('INSERT INTO broadcasts (author, state, text, from_chat_id, message_id, audience, scheduled_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(author, 'draft', text, 'fromChatId' in content ? content.fromChatId : null, 'messageId' in content ? content.messageId : null, JSON.stringify(audience), scheduledAt);
        const id = Number(lastInsertRowid);
        audit.run(id, author, 'create', JSON.stringify({ audience, scheduledAt }));
        return find(id)!;
      },
    ),
    setAudience: db.transaction((id: number, actor: number, audience: Audience, scheduledAt: number | null) => {
      const b = find(id);
      if (!b || (b.state !== 'draft' && b.state !== 'awaiting-approval')) throw new BroadcastRuleError('not-changeable', `broadcast ${id} can no longer be changed (${b?.state ?? 'not found'})`);
      db.prepare("UPDATE broadcasts SET audience = ?, scheduled_at = ?, state = 'draft' WHERE id = ?").run(JSON.stringify(audience), scheduledAt, id);
      audit.run(id, actor, 'audience', JSON.stringify({ audience, scheduledAt }));
    }),
    requestApproval: db.transaction((id: number, actor: number) => {
      const b = find(id);
      if (!b || b.state !== 'draft') throw new BroadcastRuleError('not-changeable', `broadcast ${id} is not a draft`);
      setState.run('awaiting-approval', id);
      audit.run(id, actor, 'request-approval', null);
    }),
    /** A second staff member approves; the author only when approvals are turned off. */
    approve: db.transaction((id: number, approver: number): Broadcast => {
      const b = find(id);
      if (!b || (b.state !== 'draft' && b.state !== 'awaiting-approval')) throw new BroadcastRuleError('not-changeable', `broadcast ${id} cannot be approved (${b?.state ?? 'not found'})`);
      if (options.approvals && approver === b.author) throw new BroadcastRuleError('self-approval', 'the author cannot approve their own broadcast: another admin or broadcaster must');
      db.prepare("UPDATE broadcasts SET state = 'approved', approved_by = ? WHERE id = ?").run(approver, id);
      audit.run(id, approver, 'approve', null);
      return find(id)!;
    }),
    reject: db.transaction((id: number, actor: number, reason: string) => {
      const b = find(id);
      if (!b || (b.state !== 'draft' && b.state !== 'awaiting-approval')) throw new BroadcastRuleError('not-changeable', `broadcast ${id} cannot be rejected (${b?.state ?? 'not found'})`);
      if (actor === b.author && options.approvals) throw new BroadcastRuleError('self-rejection', 'the author cannot reject their own broadcast: cancel it instead');
      db.prepare("UPDATE broadcasts SET state = 'rejected', reason = ? WHERE id = ?").run(reason, id);
      audit.run(id, actor, 'reject', reason);
    }),
    /** Stops a broadcast: pending recipients are never sent to. False when it had already ended. */
    cancel: db.transaction((id: number, actor: number | null): boolean => {
      const b = find(id);
      if (!b || ['done', 'cancelled', 'rejected'].includes(b.state)) return false;
      db.prepare("UPDATE broadcasts SET state = 'cancelled', finished_at = ? WHERE id = ?").run(now(), id);
      audit.run(id, actor, 'cancel', null);
      return true;
    }),
    /** The broadcast to deliver now: one being sent, else the oldest approved one that is due. */
    due(at = now()): Broadcast | undefined {
      const row = db
        .prepare(
          `SELECT * FROM broadcasts WHERE state = 'sending' OR (state = 'approved' AND coalesce(scheduled_at, 0) <= ?)
           ORDER BY state = 'sending' DESC, coalesce(scheduled_at, created_at), id LIMIT 1`,
        )
        .get(at) as Record<string, any> | undefined;
      return row && toBroadcast(row);
    },
    /** Resolves the recipients once, in the transaction that starts the broadcast. */
    start: db.transaction((id: number): number => {
      const b = find(id)!;
      const { where, params } = segment(b.audience);
      const { changes } = db.prepare(`INSERT OR IGNORE INTO broadcast_recipients (broadcast_id, user_id) SELECT ?, u.telegram_id FROM users u WHERE ${where}`).run(id, ...params);
      db.prepare("UPDATE broadcasts SET state = 'sending', started_at = ?, total = ? WHERE id = ?").run(now(), changes, id);
      audit.run(id, null, 'start', String(changes));
      return changes;
    }),
    /** Pending recipients due now, with whether they still want broadcasts. */
    nextBatch: (id: number, limit: number, at = now()) =>
      db
        .prepare(
          `SELECT r.user_id AS userId, r.attempts, coalesce(u.subscribed = 1 AND u.blocked = 0, 0) AS wanted
           FROM broadcast_recipients r LEFT JOIN users u ON u.telegram_id = r.user_id
           WHERE r.broadcast_id = ? AND r.state = 'pending' AND r.next_at <= ? ORDER BY r.user_id LIMIT ?`,
        )
        .all(id, at, limit) as { userId: number; attempts: number; wanted: number }[],
    hasPending: (id: number) => db.prepare("SELECT 1 FROM broadcast_recipients WHERE broadcast_id = ? AND state = 'pending' LIMIT 1").get(id) !== undefined,
    markSending: (id: number, userId: number) =>
      void db.prepare("UPDATE broadcast_recipients SET state = 'sending', attempts = attempts + 1 WHERE broadcast_id = ? AND user_id = ?").run(id, userId),
    settle: (id: number, userId: number, state: Exclude<RecipientState, 'sending'>, reason: string | null = null, nextAt = 0) =>
      void db
        .prepare('UPDATE broadcast_recipients SET state = ?, reason = ?, next_at = ?, done_at = CASE WHEN ? = \'pending\' THEN NULL ELSE ? END WHERE broadcast_id = ? AND user_id = ?')
        .run(state, reason, nextAt, state, now(), id, userId),
    finish: db.transaction((id: number) => {
      const final = Object.fromEntries((counts.all(id) as { state: string; n: number }[]).map((r) => [r.state, r.n]));
      db.prepare("UPDATE broadcasts SET state = 'done', finished_at = ?, counts = ? WHERE id = ? AND state = 'sending'").run(now(), JSON.stringify(final), id);
      audit.run(id, null, 'finish', null);
    }),
    /** At start-up: a recipient left `sending` by a crash may have received it. Never resent. */
    recoverAfterCrash: () =>
      db.prepare("UPDATE broadcast_recipients SET state = 'unknown', reason = 'the process stopped while this message was being sent', done_at = ? WHERE state = 'sending'").run(now()).changes,
    setProgressMessage: (id: number, chatId: number, messageId: number) =>
      void db.prepare('UPDATE broadcasts SET progress_chat_id = ?, progress_message_id = ? WHERE id = ?').run(chatId, messageId, id),
    status(id: number): BroadcastStatus | undefined {
      const b = find(id);
      if (!b) return undefined;
      // A finished broadcast was counted when it finished (migration 014); others are counted now.
      const stored = finalCounts.get(id) as string | null;
      const by: Record<string, number> = stored ? JSON.parse(stored) : Object.fromEntries((counts.all(id) as { state: string; n: number }[]).map((r) => [r.state, r.n]));
      const n = (s: string) => (by[s] as number | undefined) ?? 0;
      return { id, state: b.state, total: b.total ?? 0, sent: n('sent'), failed: n('failed'), stopped: n('stopped'), unknown: n('unknown') + n('sending'), pending: n('pending') };
    },
    failuresByReason: (id: number) =>
      db.prepare("SELECT reason, count(*) AS n FROM broadcast_recipients WHERE broadcast_id = ? AND state = 'failed' GROUP BY reason ORDER BY n DESC").all(id) as { reason: string; n: number }[],
    list: (limit = 10) => (db.prepare('SELECT * FROM broadcasts ORDER BY id DESC LIMIT ?').all(limit) as Record<string, any>[]).map(toBroadcast),
    auditOf: (id: number) => db.prepare('SELECT actor, action, detail, at FROM broadcast_audit WHERE broadcast_id = ? ORDER BY id').all(id),
  };
  return store;
}
