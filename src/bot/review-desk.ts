import { GrammyError, InlineKeyboard, type Api } from 'grammy';
import type { Translate } from '../i18n/create-i18n.js';
import type { Logger } from '../logger.js';
import { renderCaseCard, citizenName, type CaseButton } from '../moderation/case-card.js';
import type { CaseRow, CaseStore } from '../moderation/case-store.js';
import { canModerate, type StaffStore } from '../moderation/staff-store.js';
import { encodeCallback } from './callback-data.js';
import { escapeHtml } from './escape-html.js';

// Telegram allows about 20 messages a minute to one group. Everything the bot posts or edits in the
// review group goes through this one queue: a bucket of 20 that refills one every 3 s, a 429 pauses
// it for retry_after, urgent cases go first, and a card is edited in place instead of re-posted.
// The work lives in the database (cases.version vs card_version, case_messages.posted_at), so a
// crash or a restart loses nothing: the queue picks it up again.
const BUCKET = 20;
const REFILL_MS = 3000;
const TICK_MS = 250;
const ALERT_TICK_MS = 1000;

export interface ReviewDesk {
  /** Something changed: look for work now rather than at the next tick. */
  wake(): void;
  /** Checks the bot's rights in the group (logged in words an admin can act on), then starts. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The keyboard of a case's card, as buttons for the group. */
  keyboard(caseId: number, buttons: CaseButton[][]): InlineKeyboard;
}

export interface ReviewDeskDeps {
  /** An Api without auto-retry: this queue handles 429 itself, for the whole group. */
  api: Api;
  chatId: number;
  cases: CaseStore;
  staff: StaffStore;
  translate: Translate;
  logger: Logger;
  urgentAckSeconds: number;
}

export function createReviewDesk({ api, chatId, cases, staff, translate, logger, urgentAckSeconds }: ReviewDeskDeps): ReviewDesk {
  const t = translate('ar');
  let tokens = BUCKET;
  let refilledAt = Date.now();
  let pausedUntil = 0;
  let forum = true;
  let timer: NodeJS.Timeout | undefined;
  let alertTimer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  // A case whose card failed for another reason than 429 waits a little before it is tried again.
  const backoff = new Map<number, number>();

  const keyboard = (caseId: number, buttons: CaseButton[][]) => {
    const k = new InlineKeyboard();
    for (const row of buttons) {
      for (const b of row) k.text(b.text, encodeCallback({ kind: 'case', caseId, action: b.action, ...(b.outcome ? { outcome: b.outcome } : {}) }));
      k.row();
    }
    return k;
  };

  /** Takes a token for one call to the group, or says the queue must wait. */
  function take(): boolean {
    const now = Date.now();
    if (now < pausedUntil) return false;
    const refill = Math.floor((now - refilledAt) / REFILL_MS);
    if (refill > 0) {
      tokens = Math.min(BUCKET, tokens + refill);
      refilledAt += refill * REFILL_MS;
    }
    if (tokens === 0) return false;
    tokens--;
    return true;
  }

  /** Runs one call to the group; false when the queue must stop for now (429 or no token). */
  async function call<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error?: unknown }> {
    if (!take()) return { ok: false };
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 429) {
        pausedUntil = Date.now() + (error.parameters.retry_after ?? 5) * 1000;
        logger.warn({ retryAfter: error.parameters.retry_after }, 'review group: Telegram asked to slow down');
        return { ok: false };
      }
      return { ok: false, error };
    }
  }

  const describe = (error: unknown) => (error instanceof GrammyError ? `${error.error_code} ${error.description}` : String(error));

  /** Posts or edits one case's card (creating its topic first); false when the queue must wait. */
  async function postCard(c: CaseRow): Promise<boolean> {
    const details = cases.details(c.id);
    if (!details) return true;
    const card = renderCaseCard(details, t);
    const markup = keyboard(c.id, card.buttons);
    let threadId = c.threadId;
    if (forum && threadId === null) {
      const name = `${c.urgent ? '🚨 ' : ''}#${c.id} ${citizenName(t, details.pseudonym)}`;
      const topic = await call(() => api.createForumTopic(chatId, name));
      if (!topic.ok) return failed(c, topic.error);
      threadId = topic.value.message_thread_id;
      // Stored at once: there is no API to list topics, so a lost id would mean a second topic.
      cases.markCardPosted(c.id, 0, { threadId });
    }
    let messageId = c.cardMessageId;
    if (messageId === null) {
      const sent = await call(() => api.sendMessage(chatId, card.html, { parse_mode: 'HTML', reply_markup: markup, ...(threadId ? { message_thread_id: threadId } : {}) }));
      if (!sent.ok) return failed(c, sent.error);
      messageId = sent.value.message_id;
    } else {
      const edited = await call(() => api.editMessageText(chatId, messageId!, card.html, { parse_mode: 'HTML', reply_markup: markup }));
      if (!edited.ok && !(edited.error instanceof GrammyError && /not modified/i.test(edited.error.description))) return failed(c, edited.error);
    }
    cases.markCardPosted(c.id, c.version, { cardMessageId: messageId });
    // Urgent cases are pinned while open, and the moderators on duty are called by mention.
    const open = c.status !== 'resolved';
    if (c.urgent && open && !c.pinned) {
      const pinned = await call(() => api.pinChatMessage(chatId, messageId!, { disable_notification: false }));
      if (pinned.ok) cases.markCardPosted(c.id, c.version, { pinned: true });
      const onDuty = staff.list().filter((m) => m.onDuty && canModerate(m));
      const mentions = onDuty.map((m, i) => `<a href="tg://user?id=${m.userId}">${escapeHtml(t('desk.moderator', { number: i + 1 }))}</a>`).join(' ');
      await call(() => api.sendMessage(chatId, `🚨 ${escapeHtml(t('desk.urgentCall', { id: c.id }))} ${mentions}`, { parse_mode: 'HTML', ...(threadId ? { message_thread_id: threadId } : { reply_parameters: { message_id: messageId! } }) }));
    } else if (!open && c.pinned) {
      const unpinned = await call(() => api.unpinChatMessage(chatId, messageId!));
      if (unpinned.ok) cases.markCardPosted(c.id, c.version, { pinned: false });
    }
    return true;
  }

  function failed(c: CaseRow, error: unknown): boolean {
    if (error === undefined) return false;
    const text = describe(error);
    logger.error({ case: c.id, error: text }, 'review group: could not post the case card');
    // A deleted topic or card: the next attempt starts a new one.
    if (/thread not found|message to edit not found|TOPIC_DELETED|TOPIC_CLOSED/i.test(text)) cases.forgetThread(c.id);
    else backoff.set(c.id, Date.now() + 30_000);
    return true;
  }

  /** A citizen's message during a human conversation, posted in the case. */
  async function postMessage(m: { id: number; caseId: number; text: string }): Promise<boolean> {
    const c = cases.get(m.caseId);
    const details = c && cases.details(c.id);
    if (!c || !details || (forum && c.threadId === null) || (!forum && c.cardMessageId === null)) return true;
    const html = `<b>${escapeHtml(citizenName(t, details.pseudonym))}</b>:\n${escapeHtml(m.text)}`;
    const sent = await call(() => api.sendMessage(chatId, html, { parse_mode: 'HTML', ...(forum ? { message_thread_id: c.threadId! } : { reply_parameters: { message_id: c.cardMessageId! } }) }));
    if (!sent.ok && sent.error === undefined) return false;
    if (!sent.ok) logger.error({ case: c.id, error: describe(sent.error) }, 'review group: could not post a citizen message');
    cases.markMessagePosted(m.id);
    return true;
  }

  async function work(): Promise<void> {
    do {
      again = false;
      const now = Date.now();
      const due = cases.cardsDue(BUCKET).filter((c) => (backoff.get(c.id) ?? 0) <= now);
      for (const c of due) if (stopped || !(await postCard(c))) return;
      for (const m of cases.unpostedMessages(BUCKET)) if (stopped || !(await postMessage(m))) return;
    } while (again && !stopped);
  }

  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = work()
      .catch((error: unknown) => logger.error({ err: error as Error }, 'review desk failed'))
      .finally(() => (running = undefined));
  }

  /** Urgent cases nobody took: every moderator and admin gets a private alert, each period again. */
  async function alert(): Promise<void> {
    for (const c of cases.unacknowledgedUrgent(urgentAckSeconds * 1000)) {
      cases.markAlerted(c.id);
      const minutes = Math.max(1, Math.round((Date.now() - c.openedAt) / 60_000));
      for (const member of staff.list().filter(canModerate)) {
        await api
          .sendMessage(member.userId, `🚨 ${t('desk.alert', { id: c.id, minutes })}`)
          .catch((error: unknown) => logger.warn({ case: c.id, error: describe(error) }, 'urgent alert not delivered to a staff member'));
      }
    }
  }

  async function checkRights(): Promise<void> {
    try {
      const chat = await api.getChat(chatId);
      forum = 'is_forum' in chat && chat.is_forum === true;
      const me = await api.getMe();
      const member = await api.getChatMember(chatId, me.id);
      const missing: string[] = [];
      if (member.status !== 'administrator' && member.status !== 'creator') missing.push('the bot is not an administrator of the group (make it one)');
      if (member.status === 'administrator') {
        if (!member.can_pin_messages) missing.push('"Pin messages" (urgent cases are pinned)');
        if (!member.can_delete_messages) missing.push('"Delete messages"');
        if (forum && !member.can_manage_topics) missing.push('"Manage topics" (each case gets its own topic)');
      }
      if (!forum) logger.warn({ group: chatId }, 'review group has no topics: each case is one card, and moderators reply to it (turn on Topics in the group settings to give each case its own topic)');
      if (missing.length) logger.warn({ group: chatId, missing }, `review group: the bot lacks rights it needs: ${missing.join('; ')}`);
      else logger.info({ group: chatId, forum }, 'review group ready');
    } catch (error) {
      logger.error({ group: chatId, error: describe(error) }, 'review group unreachable: check REVIEW_CHAT_ID and that the bot was added to the group');
    }
  }

  return {
    wake,
    keyboard,
    async start() {
      await checkRights();
      timer = setInterval(wake, TICK_MS);
      timer.unref();
      alertTimer = setInterval(() => void alert().catch((error: unknown) => logger.error({ err: error as Error }, 'urgent alerts failed')), ALERT_TICK_MS);
      alertTimer.unref();
      wake();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearInterval(alertTimer);
      await running;
    },
  };
}
