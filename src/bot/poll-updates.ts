import { GrammyError, HttpError, type Api } from 'grammy';
import type { Update } from 'grammy/types';
import type { InboxStore, RawUpdate } from '../conversations/inbox-store.js';
import { retryBusy } from '../database/retry-busy.js';
import type { Logger } from '../logger.js';
import { BotStartError } from './bot-start-error.js';
import type { Dispatcher } from './dispatch-updates.js';

// Long polling: Telegram holds getUpdates this long when there is nothing to deliver.
const LONG_POLL_SECONDS = 30;
const BATCH = 100;
// Past this many stored-but-unhandled updates, fetching pauses: they are safe in Telegram meanwhile.
const MAX_BACKLOG = 5000;
const PAUSES_MS = [1000, 2000, 5000, 10_000, 30_000];

export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

export interface Polling {
  stop(): Promise<void>;
  /** When Telegram last answered getUpdates (ms since the epoch; 0 before the first answer). */
  lastPollAt(): number;
  /** Settles when polling ends: resolves after stop(), rejects with a BotStartError on 401 or 409. */
  finished: Promise<void>;
}

/**
 * Our own getUpdates loop instead of @grammyjs/runner: an update's offset is confirmed to Telegram
 * (by asking for the next offset) only after the batch is in the inbox, so a SIGKILL loses nothing.
 * (The runner confirms up to 500 updates ahead of its handlers.)
 */
export function pollUpdates({ api, inbox, dispatcher, logger, onUpdates }: { api: Api; inbox: InboxStore; dispatcher: Dispatcher; logger: Logger; onUpdates?: (count: number) => void }): Polling {
  const abort = new AbortController();
  let offset: number | undefined;
  let failures = 0;
  let polledAt = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      abort.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });

  async function loop(): Promise<void> {
    while (!abort.signal.aborted) {
      if (dispatcher.backlog() >= MAX_BACKLOG) {
        await sleep(200);
        continue;
      }
      let updates: Update[];
      try {
        updates = await api.getUpdates({ offset, limit: BATCH, timeout: LONG_POLL_SECONDS, allowed_updates: [...ALLOWED_UPDATES] }, abort.signal as never);
      } catch (error) {
        if (abort.signal.aborted) return;
        if (error instanceof GrammyError && error.error_code === 401) {
          throw new BotStartError('Telegram rejected TELEGRAM_BOT_TOKEN while polling (401 Unauthorized): the token was revoked or changed. Put the current token from @BotFather in .env and start again.');
        }
        if (error instanceof GrammyError && error.error_code === 409) {
          throw new BotStartError('Another instance is polling with this token (409 Conflict): stop it, or run only one bot per token (or use webhook mode).');
        }
        const wait = error instanceof GrammyError && error.error_code === 429 ? (error.parameters.retry_after ?? 5) * 1000 : PAUSES_MS[Math.min(failures, PAUSES_MS.length - 1)]!;
        if (failures === 0 || failures % 10 === 0) {
          const detail = error instanceof GrammyError ? `${error.error_code} ${error.description}` : error instanceof HttpError ? String((error.error as { code?: string }).code ?? error.message) : String(error);
          logger.warn({ detail, retryInMs: wait }, 'cannot fetch updates from Telegram; retrying');
        }
        failures++;
        await sleep(wait);
        continue;
      }
      if (failures > 0) logger.info({ after: failures }, 'fetching updates again');
      failures = 0;
      polledAt = Date.now();
      if (updates.length === 0) continue;
      onUpdates?.(updates.length);
      // Stored (one transaction) before the next getUpdates confirms them: the order matters. Until
      // the database takes them, nothing more is fetched; stopped meanwhile, Telegram keeps them.
      let fresh;
      try {
        fresh = await retryBusy(() => inbox.store(updates as unknown as RawUpdate[]), { signal: abort.signal });
      } catch (error) {
        if (abort.signal.aborted) return;
        throw error;
      }
      offset = updates[updates.length - 1]!.update_id + 1;
      dispatcher.enqueue(fresh);
    }
  }

  const finished = loop();
  return {
    async stop() {
      abort.abort();
      await finished.catch(() => undefined);
    },
    finished,
    lastPollAt: () => polledAt,
  };
}
