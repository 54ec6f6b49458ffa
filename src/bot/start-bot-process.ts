import type { App } from '../app.js';
import { expireConversations } from '../conversations/expire-conversations.js';
import { runBot } from './run-bot.js';

// Updates in flight get this long to finish after SIGINT/SIGTERM; then the process exits anyway,
// within the 5 s that process managers (systemd, Docker) usually wait before SIGKILL.
const SHUTDOWN_GRACE_MS = 4000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Runs the Telegram bot until SIGINT/SIGTERM, then stops polling, drains and closes the database. */
export async function startBotProcess(app: App, token: string): Promise<number> {
  const { logger, db, config } = app;
  const expire = () => {
    const deleted = expireConversations(db, config.retentionDays);
    if (deleted) logger.info({ deleted, days: config.retentionDays }, 'expired old conversations');
  };
  expire();
  const expiry = setInterval(expire, DAY_MS).unref();

  const bot = await runBot({ ...app, token, apiRoot: config.telegramApiRoot, retentionDays: config.retentionDays, rateLimit: config.rateLimit });
  const signal = await new Promise<NodeJS.Signals | 'crash'>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
    bot.finished.then(() => resolve('crash'), () => resolve('crash'));
  });
  logger.info({ signal }, 'stopping: no new updates, finishing those in flight');
  clearInterval(expiry);
  const drained = await Promise.race([bot.stop().then(() => true), new Promise<boolean>((r) => setTimeout(r, SHUTDOWN_GRACE_MS, false).unref())]);
  if (!drained) logger.warn('updates still in flight after the grace period; exiting anyway');
  logger.info('stopped');
  return signal === 'crash' ? 1 : 0;
}
