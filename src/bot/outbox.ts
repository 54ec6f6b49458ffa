import { GrammyError, HttpError, type Api } from 'grammy';
import type { OutgoingAnswer } from '../conversations/exchange-store.js';
import type { OutboxStore } from '../conversations/outbox-store.js';
import type { UserStore } from '../conversations/user-store.js';
import { retryBusy } from '../database/retry-busy.js';
import type { Logger } from '../logger.js';
import { splitMessage } from './split-message.js';

// How often stored answers that are due are sent again, and how long an answer is worth sending.
const TICK_MS = 1000;
export const MAX_AGE_HOURS = 24;
// Connection errors raised before any byte of the request left: the message surely did not arrive.
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ENETDOWN']);

type Outcome =
  | { kind: 'retry'; at: number; reason: string }
  | { kind: 'unknown'; reason: string }
  | { kind: 'failed'; reason: string; blocked: boolean };

/** What a failed send means for the answer. sendMessage has no idempotency key, hence 'unknown'. */
export function classifySendError(error: unknown, attempts: number, now: number): Outcome {
  if (error instanceof GrammyError) {
    const reason = `${error.error_code} ${error.description}`;
    if (error.error_code === 429) return { kind: 'retry', at: now + (error.parameters.retry_after ?? 5) * 1000, reason };
    if (error.error_code >= 500) return { kind: 'retry', at: now + Math.min(2 ** attempts, 300) * 1000, reason };
    const blocked = error.error_code === 403 && /blocked|deactivated|kicked/i.test(error.description);
    return { kind: 'failed', reason, blocked };
  }
  const cause = error instanceof HttpError ? (error.error as { code?: string; message?: string }) : undefined;
  if (cause?.code && NEVER_SENT.has(cause.code)) return { kind: 'retry', at: now + Math.min(2 ** attempts, 60) * 1000, reason: cause.code };
  // A time-out, a reset or a garbled reply: Telegram may have the message. Sending it again could double it.
  return { kind: 'unknown', reason: cause?.code ?? cause?.message ?? String(error) };
}

export interface Outbox {
  /** Sends the chat's waiting answers in order, stopping at the first that must wait. */
  flushChat(chatId: number): Promise<void>;
  /** Marks answers a crash left half-sent, expires stale ones, sends what is due, then keeps doing so. */
  start(): Promise<void>;
  /** Stops the timer and waits for sends in progress. */
  stop(): Promise<void>;
}

export interface OutboxDeps {
  /** An Api without auto-retry: this outbox decides what is retried, and when. */
  api: Api;
  store: OutboxStore;
  users: UserStore;
  logger: Logger;
  now?: () => number;
}

export function createOutbox({ api, store, users, logger, now = Date.now }: OutboxDeps): Outbox {
  // One send at a time per chat keeps a chat's answers in order, whoever flushes (handler or timer).
  const chains = new Map<number, Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function deliver(answer: OutgoingAnswer): Promise<boolean> {
    const parts = splitMessage(answer.answerText);
    for (let part = answer.partsSent; part < parts.length; part++) {
      const last = part === parts.length - 1;
      await retryBusy(() => store.markSending(answer.id, part));
      try {
        await api.sendMessage(answer.chatId, parts[part]!, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(last && answer.replyMarkup ? { reply_markup: answer.replyMarkup as never } : {}),
        });
      } catch (error) {
        const outcome = classifySendError(error, answer.attempts + 1, now());
        await retryBusy(() => settle(answer, outcome));
        logger.warn({ exchange: answer.id, outcome: outcome.kind, reason: outcome.reason }, 'answer not delivered yet');
        return false;
      }
      // Accepted by Telegram: recording it must not fail into a resend, so it is retried until it holds.
      await retryBusy(() => store.markPartSent(answer.id, part + 1, last));
    }
    return true;
  }

  function settle(answer: OutgoingAnswer, outcome: Outcome): void {
    if (outcome.kind === 'retry' && now() - answer.createdAtMs < MAX_AGE_HOURS * 3600_000) return store.reschedule(answer.id, outcome.at, outcome.reason);
    if (outcome.kind === 'retry') return store.markFailed(answer.id, `${outcome.reason}; gave up after ${MAX_AGE_HOURS} hours`);
    if (outcome.kind === 'unknown') return store.markUnknown(answer.id, outcome.reason);
    if (outcome.blocked) users.markBlocked(answer.chatId);
    store.markFailed(answer.id, outcome.reason, !outcome.blocked);
  }

  async function flush(chatId: number): Promise<void> {
    for (const answer of await retryBusy(() => store.pendingOf(chatId))) {
      // A later answer never overtakes an earlier one that is waiting (429, 5xx).
      if (answer.nextAttemptAt > now() || stopped) return;
      if (!(await deliver(answer))) return;
    }
  }

  function flushChat(chatId: number): Promise<void> {
    const previous = chains.get(chatId) ?? Promise.resolve();
    const next = previous.then(() => flush(chatId)).catch((error: unknown) => logger.error({ err: error as Error }, 'outbox flush failed'));
    chains.set(chatId, next);
    void next.finally(() => chains.get(chatId) === next && chains.delete(chatId));
    return next;
  }

  async function tick(): Promise<void> {
    const due = await retryBusy(() => store.dueChats(now()), { forMs: TICK_MS }).catch(() => []);
    for (const chatId of due) if (!chains.has(chatId)) void flushChat(chatId);
  }

  return {
    flushChat,
    async start() {
      const unknown = await retryBusy(() => store.recoverAfterCrash());
      const expired = await retryBusy(() => store.expireStale(MAX_AGE_HOURS));
      if (unknown || expired) logger.warn({ unknown, expired }, 'answers left undelivered before this start: flagged for moderators');
      await tick();
      timer = setInterval(() => void tick(), TICK_MS);
      timer.unref();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.all([...chains.values()]);
    },
  };
}
