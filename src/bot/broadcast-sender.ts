import { GrammyError, type Api } from 'grammy';
import type { Broadcast, BroadcastStore, RecipientState } from '../broadcasts/broadcast-store.js';
import { quietUntil, type QuietHours } from '../broadcasts/local-time.js';
import type { UserStore } from '../conversations/user-store.js';
import type { Translate } from '../i18n/create-i18n.js';
import type { Logger } from '../logger.js';
import { retryBusy } from '../database/retry-busy.js';
import { classifySendError } from './outbox.js';

// One worker in the bot process sends broadcasts at BROADCAST_RATE messages a second, always behind
// citizens' answers: while the dispatcher has questions waiting, it sends nothing. Each recipient is
// marked `sending` before its call and settled after it, so a crash leaves a precise record. A 429
// pauses all sending for retry_after; 403 (blocked, deactivated) unsubscribes the user; another
// 4xx fails that recipient; a 5xx or a refused connection is tried again later; a time-out or a
// lost connection after the request went out is `unknown` and never resent (sendMessage and
// copyMessage have no idempotency key). This is also why @grammyjs/auto-retry is not used here.
const TICK_MS = 20;
const IDLE_CHECK_MS = 1000;
const MAX_ATTEMPTS = 5;
const PROGRESS_EVERY_MS = 5000;

export interface BroadcastSender {
  start(): Promise<void>;
  /** Finishes the messages in flight and stops; pending recipients wait for the next start. */
  stop(): Promise<void>;
  /** Something was approved or cancelled: look now. */
  wake(): void;
  /** When the worker last ran (ms since the epoch): a stuck worker stops advancing it. */
  lastTickAt(): number;
}

export interface BroadcastSenderDeps {
  api: Api;
  store: BroadcastStore;
  users: UserStore;
  translate: Translate;
  logger: Logger;
  /** Messages a second; the ceiling of the whole worker. */
  rate: number;
  /** Passes allow_paid_broadcast (Telegram's paid tier, up to 1000 a second). */
  paid: boolean;
  quietHours: QuietHours | undefined;
  /** Questions waiting to be answered: while any wait, broadcasts wait. */
  backlog: () => number;
  now?: () => number;
}

export function createBroadcastSender(deps: BroadcastSenderDeps): BroadcastSender {
  const { api, store, logger, rate } = deps;
  const now = deps.now ?? Date.now;
  const t = deps.translate('ar');
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let tokens = 0;
  let last = now();
  let pausedUntil = 0;
  let quietLogged = false;
  let current: Broadcast | undefined;
  let buffer: { userId: number; attempts: number; wanted: number }[] = [];
  const inFlight = new Set<Promise<void>>();
  // Enough concurrent calls that slow answers from Telegram do not lower the rate.
  const maxInFlight = Math.max(8, Math.ceil(rate));
  // Two seconds of work at a time: who unsubscribed is re-read that often.
  const batch = Math.max(50, Math.ceil(rate * 2));
  let holdUntil = 0;
  let lastProgress = 0;
  let lastQuietCheck = 0;
  let lastDueCheck = 0;
  let startedSendingAt = 0;
  let sentThisRun = 0;
  let pausedMs = 0;

  async function sendOne(b: Broadcast, recipient: { userId: number; attempts: number; wanted: number }): Promise<void> {
    const { userId } = recipient;
    // Unsubscribed or blocked since the broadcast was approved: never sent to.
    if (!recipient.wanted) return void (await retryBusy(() => store.settle(b.id, userId, 'stopped', 'unsubscribed')));
    await retryBusy(() => store.markSending(b.id, userId));
    try {
      const paid = deps.paid ? { allow_paid_broadcast: true } : {};
      if (b.text !== null) await api.sendMessage(userId, b.text, { link_preview_options: { is_disabled: true }, ...paid });
      else await api.copyMessage(userId, b.fromChatId!, b.messageId!, paid);
      await retryBusy(() => store.settle(b.id, userId, 'sent'));
      sentThisRun++;
    } catch (error) {
      // What a failed send means is the outbox's rule (outbox.ts); a broadcast adds that a 429 pauses
      // every send, and that it gives up after MAX_ATTEMPTS rather than after a day.
      const outcome = classifySendError(error, recipient.attempts + 1, now());
      const settle = (state: Exclude<RecipientState, 'sending'>, reason: string, nextAt = 0) => retryBusy(() => store.settle(b.id, userId, state, reason, nextAt));
      if (outcome.kind === 'retry' && error instanceof GrammyError && error.error_code === 429) {
        pausedUntil = Math.max(pausedUntil, outcome.at);
        pausedMs += outcome.at - now();
        logger.warn({ broadcast: b.id, retryAfter: error.parameters.retry_after }, 'broadcast paused: Telegram asked to slow down');
        return void (await settle('pending', outcome.reason));
      }
      if (outcome.kind === 'retry') {
        if (recipient.attempts + 1 < MAX_ATTEMPTS) return void (await settle('pending', outcome.reason, outcome.at));
        return void (await settle('failed', `${outcome.reason}; gave up after ${MAX_ATTEMPTS} attempts`));
      }
      // The request may have reached Telegram: sending it again could double it.
      if (outcome.kind === 'unknown') return void (await settle('unknown', outcome.reason));
      if (outcome.blocked) {
        deps.users.markBlocked(userId);
        return void (await settle('stopped', outcome.reason));
      }
      await settle('failed', outcome.reason);
    }
  }

  /** The author's one progress message, edited in place. */
  async function progress(b: Broadcast, final: boolean): Promise<void> {
    const s = store.status(b.id);
    if (!s) return;
    const elapsed = Math.max(1, (now() - startedSendingAt - pausedMs) / 1000);
    const achieved = sentThisRun / elapsed;
    const left = s.pending;
    const text = final
      ? t('broadcast.report', { id: b.id, state: t(`broadcast.state.${s.state}`), sent: s.sent, failed: s.failed, stopped: s.stopped, unknown: s.unknown, pending: s.pending, seconds: Math.round((now() - (b.startedAt ?? now())) / 1000), rate: achieved.toFixed(1), reasons: store.failuresByReason(b.id).map((r) => `${r.reason} (${r.n})`).join('; ') || '-' })
      : t('broadcast.progress', { id: b.id, sent: s.sent, left, failed: s.failed, stopped: s.stopped, rate: achieved.toFixed(1), minutes: Math.ceil(left / Math.max(achieved, 0.1) / 60) });
    try {
      if (b.progressMessageId === null) {
        const m = await api.sendMessage(b.author, text);
        store.setProgressMessage(b.id, b.author, m.message_id);
        current = store.find(b.id);
      } else await api.editMessageText(b.progressChatId!, b.progressMessageId, text);
    } catch (error) {
      if (!(error instanceof GrammyError && /not modified/.test(error.description))) logger.debug({ broadcast: b.id, error: String(error) }, 'progress message not updated');
    }
  }

  let tickedAt = 0;
  function tick(): void {
    tickedAt = Date.now();
    if (stopped) return;
    const at = now();
    tokens = Math.min(rate, tokens + ((at - last) / 1000) * rate);
    last = at;
    if (at < pausedUntil || at < holdUntil) return;
    if (!current || current.state !== 'sending') {
      // Idle, the database is asked once a second (wake() asks at once), not at every tick.
      if (at - lastDueCheck < IDLE_CHECK_MS) return;
      lastDueCheck = at;
      const due = readOrSkip(() => store.due(at));
      if (!due) return;
      const quiet = quietUntil(at, deps.quietHours);
      if (quiet) {
        if (!quietLogged) logger.info({ broadcast: due.id, resumesAt: new Date(quiet).toISOString() }, 'broadcast held for quiet hours');
        quietLogged = true;
        holdUntil = quiet;
        return;
      }
      quietLogged = false;
      if (due.state === 'approved') {
        const total = store.start(due.id);
        logger.info({ broadcast: due.id, recipients: total }, 'broadcast started');
      }
      current = store.find(due.id);
      buffer = [];
      startedSendingAt = at;
      sentThisRun = 0;
      pausedMs = 0;
    }
    const b = current!;
    // Cancelled (from Telegram or the CLI) or quiet hours: stop taking new recipients within a tick.
    const fresh = store.find(b.id);
    if (!fresh || fresh.state !== 'sending') {
      current = undefined;
      if (fresh?.state === 'cancelled') void progress(fresh, true);
      return;
    }
    // Quiet hours began while sending: hold, and resume where it was when they end.
    if (at - lastQuietCheck >= 60_000) {
      lastQuietCheck = at;
      const quiet = quietUntil(at, deps.quietHours);
      if (quiet) {
        holdUntil = quiet;
        current = undefined;
        return;
      }
    }
    if (at - lastProgress >= PROGRESS_EVERY_MS) {
      lastProgress = at;
      void progress(fresh, false);
    }
    // Answers first: while citizens' questions wait, broadcasts wait.
    if (deps.backlog() > 0) return;
    while (tokens >= 1 && inFlight.size < maxInFlight) {
      if (buffer.length === 0) buffer = store.nextBatch(b.id, batch, at);
      const next = buffer.shift();
      if (!next) break;
      tokens -= 1;
      const p = sendOne(b, next).catch((error: unknown) => logger.error({ err: error as Error }, 'broadcast send failed'));
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    if (buffer.length === 0 && inFlight.size === 0 && !store.hasPending(b.id)) {
      store.finish(b.id);
      logger.info({ broadcast: b.id, ...store.status(b.id) }, 'broadcast finished');
      current = undefined;
      void progress(store.find(b.id)!, true);
    }
  }

  /** A read that met a locked database is skipped: the next tick, 20 ms later, reads again. */
  function readOrSkip<T>(read: () => T): T | undefined {
    try {
      return read();
    } catch {
      return undefined;
    }
  }

  return {
    async start() {
      const unknown = store.recoverAfterCrash();
      if (unknown) logger.warn({ recipients: unknown }, 'broadcast messages left in flight by the last stop: marked unknown, not resent');
      last = now();
      timer = setInterval(() => {
        try {
          tick();
        } catch (error) {
          logger.error({ err: error as Error }, 'broadcast worker tick failed');
        }
      }, TICK_MS);
      timer.unref();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.all([...inFlight]);
    },
    wake: () => {
      lastDueCheck = 0;
      tick();
    },
    lastTickAt: () => tickedAt,
  };
}
