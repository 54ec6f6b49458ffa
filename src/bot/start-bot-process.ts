import type { App } from '../app.js';
import { expireConversations } from '../conversations/expire-conversations.js';
import { retryBusy } from '../database/retry-busy.js';
import { BotStartError } from './bot-start-error.js';
import { markInUse } from '../database/backup.js';
import { runBot } from './run-bot.js';

// Updates in flight get this long to finish after SIGINT/SIGTERM; then the process exits anyway,
// within the 5 s that process managers (systemd, Docker) usually wait before SIGKILL. What is left
// is in the inbox and the outbox, and the next start finishes it.
const SHUTDOWN_GRACE_MS = 4000;
const HOUR_MS = 60 * 60 * 1000;

/**
 * Runs the Telegram bot until SIGINT/SIGTERM, then stops polling, drains and returns 0. A token
 * Telegram refuses or another instance polling (401, 409) ends it with a BotStartError.
 */
export async function startBotProcess(app: App, token: string): Promise<number> {
  const { logger, db, config } = app;
  const housekeeping = async () => {
    try {
      const deleted = await retryBusy(() => expireConversations(db, config.retentionDays), { forMs: 60_000 });
      // Telegram reuses update ids after a week of silence: handled ids are kept that long, no longer.
      const pruned = await retryBusy(() => app.inbox.pruneHandled(), { forMs: 60_000 });
      if (deleted || pruned) logger.info({ deleted, days: config.retentionDays, pruned }, 'expired old conversations and handled update ids');
    } catch (error) {
      logger.warn({ err: error as Error }, 'housekeeping skipped this time');
    }
  };
  // `npm run restore` refuses while this file names a live process.
  const release = markInUse(config.databasePath);
  process.once('exit', release);
  await housekeeping();
  const timer = setInterval(() => void housekeeping(), HOUR_MS).unref();

  const bot = await runBot({ ...app, token, apiRoot: config.telegramApiRoot, retentionDays: config.retentionDays, rateLimit: config.rateLimit });
  let fatal: unknown;
  const signal = await new Promise<NodeJS.Signals | 'fatal'>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
    bot.finished.then(
      () => resolve('fatal'),
      (error: unknown) => ((fatal = error), resolve('fatal')),
    );
  });
  logger.info({ signal }, 'stopping: no new updates, finishing those in flight');
  clearInterval(timer);
  const drained = await Promise.race([bot.stop().then(() => true), new Promise<boolean>((r) => setTimeout(r, SHUTDOWN_GRACE_MS, false).unref())]);
  if (!drained) logger.warn('updates still in flight after the grace period; the inbox keeps them for the next start');
  logger.info('stopped');
  release();
  if (fatal instanceof BotStartError) throw fatal;
  if (signal === 'fatal') throw fatal ?? new Error('polling stopped unexpectedly');
  return 0;
}
