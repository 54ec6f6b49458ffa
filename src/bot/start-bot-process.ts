import type { App } from '../app.js';
import { expireConversations } from '../conversations/expire-conversations.js';
import { retryBusy } from '../database/retry-busy.js';
import { BotStartError } from './bot-start-error.js';
import { backupDatabase, backupName, markInUse, pruneBackups } from '../database/backup.js';
import { scheduleJobs } from '../ops/scheduled-jobs.js';
import { join } from 'node:path';
import { runBot } from './run-bot.js';

// Updates in flight get this long to finish after SIGINT/SIGTERM; then the process exits anyway,
// within the 5 s that process managers (systemd, Docker) usually wait before SIGKILL. What is left
// is in the inbox and the outbox, and the next start finishes it.
const SHUTDOWN_GRACE_MS = 4000;

/**
 * Runs the Telegram bot until SIGINT/SIGTERM, then stops polling, drains and returns 0. A token
 * Telegram refuses or another instance polling (401, 409) ends it with a BotStartError.
 */
export async function startBotProcess(app: App, token: string): Promise<number> {
  const { logger, db, config } = app;
  const expire = () => retryBusy(() => expireConversations(db, config.retentionDays), { forMs: 60_000 });
  // Telegram reuses update ids after a week of silence: handled ids are kept that long, no longer.
  const prune = () => retryBusy(() => app.inbox.pruneHandled(), { forMs: 60_000 });
  // `npm run restore` refuses while this file names a live process.
  const release = markInUse(config.databasePath);
  process.once('exit', release);
  // At start too: a bot stopped for days has old conversations to expire before it answers anyone.
  await Promise.all([expire(), prune()]).catch((error: unknown) => logger.warn({ err: error as Error }, 'start-up housekeeping skipped; the scheduled jobs retry'));

  const bot = await runBot({ ...app, token, apiRoot: config.telegramApiRoot, retentionDays: config.retentionDays, rateLimit: config.rateLimit });
  const jobs = scheduleJobs(
    [
      { name: 'retention', pattern: '15 3 * * *', run: async () => ({ deleted: await expire(), days: config.retentionDays }) },
      { name: 'handled-updates', pattern: '0 * * * *', run: async () => ({ pruned: await prune() }) },
      { name: 'gap-recheck', pattern: '0 4 * * *', run: async () => ({ notified: await bot.recheckGaps() }) },
      ...(config.backup.daily
        ? [{ name: 'backup', pattern: '30 3 * * *', run: async () => {
            const { path, bytes } = await backupDatabase(db, join(config.backup.dir, backupName()));
            return { path, bytes, removed: pruneBackups(config.backup.dir, config.backup.keep).length };
          } }]
        : []),
    ],
    logger,
  );
  logger.info({ next: jobs.next() }, 'scheduled jobs (Baghdad time)');
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
  jobs.stop();
  const drained = await Promise.race([bot.stop().then(() => true), new Promise<boolean>((r) => setTimeout(r, SHUTDOWN_GRACE_MS, false).unref())]);
  if (!drained) logger.warn('updates still in flight after the grace period; the inbox keeps them for the next start');
  logger.info('stopped');
  release();
  if (fatal instanceof BotStartError) throw fatal;
  if (signal === 'fatal') throw fatal ?? new Error('polling stopped unexpectedly');
  return 0;
}
