import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, BotError, GrammyError, HttpError, type ApiClientOptions } from 'grammy';
import type { Update } from 'grammy/types';
import { isBusy } from '../database/retry-busy.js';
import type { BotDeps } from './bot-deps.js';
import type { BotContext } from './context.js';
import { answerDetailsFeature } from './features/answer-details.js';
import { broadcastFeature } from './features/broadcast.js';
import { askFeature } from './features/ask.js';
import { contactFeature } from './features/contact.js';
import { feedbackFeature } from './features/feedback.js';
import { forgetFeature } from './features/forget.js';
import { gapNotifyFeature } from './features/gap-notify.js';
import { handoffFeature } from './features/handoff.js';
import { reviewGroupFeature } from './features/review-group.js';
import { staffFeature } from './features/staff.js';
import { consoleLoginFeature } from './features/console-login.js';
import { languageFeature } from './features/language.js';
import { mediaFeature } from './features/media.js';
import { privacyFeature } from './features/privacy.js';
import { startFeature } from './features/start.js';
import { subscribeFeature } from './features/subscribe.js';
import { topicsFeature } from './features/topics.js';
import { unhandledFeature } from './features/unhandled.js';
import { attachUser } from './middleware/attach-user.js';
import { limitRate } from './middleware/limit-rate.js';
import { onlyWhenAddressed } from './middleware/only-when-addressed.js';
import { trackMembership } from './middleware/track-membership.js';

// Long polls last 30 s; anything slower than this is a hung connection.
export const CLIENT_TIMEOUT_SECONDS = 60;

/** How every Api of the bot reaches Telegram (or TELEGRAM_API_ROOT). */
export function clientOptions(apiRoot: string | undefined): ApiClientOptions {
  return { ...(apiRoot ? { apiRoot } : {}), timeoutSeconds: CLIENT_TIMEOUT_SECONDS };
}

/**
 * The bot with every feature installed, in an order that matters (see the comments). It handles one
 * update at a time per chat because the dispatcher (dispatch-updates.ts) feeds it that way.
 */
export function createBot(deps: BotDeps): Bot<BotContext> {
  const bot = new Bot<BotContext>(deps.token, { client: clientOptions(deps.apiRoot) });
  // For the replies sent directly (welcome, menus, notices): 429s wait for retry_after and 5xx are
  // retried. Network errors are not: the request may have arrived, and a retry would double it.
  // Answers go through the outbox instead, which keeps them until Telegram accepts them.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60, rethrowHttpErrors: true }));

  // 1. Membership changes carry no text to answer; record blocks before the user is touched.
  bot.use(trackMembership(deps.users));
  // 2. The review group is the moderators' desk, not a place where citizens ask: handled apart,
  //    before anything would store its members as users or answer them.
  bot.use(reviewGroupFeature(deps));
  // 3. In groups, ignore what is not addressed to the bot, before storing anything about it.
  bot.use(onlyWhenAddressed);
  // 4. The user and their language, which every reply below needs.
  bot.use(attachUser(deps.users, deps.translate));
  // 5. Flood control, before any work is done for the update.
  bot.use(limitRate(deps.rateLimit));
  // 6. Features. Media before text; commands and the 👎 comment before free text is a question.
  // Staff composing a broadcast may send a photo or a file: before media gets its "text only".
  bot.use(broadcastFeature(deps));
  bot.use(mediaFeature());
  bot.use(startFeature());
  bot.use(languageFeature(deps));
  bot.use(subscribeFeature(deps));
  bot.use(privacyFeature(deps));
  bot.use(forgetFeature(deps));
  bot.use(contactFeature(deps));
  bot.use(topicsFeature(deps));
  bot.use(feedbackFeature(deps));
  bot.use(answerDetailsFeature(deps));
  bot.use(handoffFeature(deps));
  bot.use(gapNotifyFeature(deps));
  bot.use(staffFeature(deps));
  bot.use(consoleLoginFeature(deps));
  bot.use(askFeature(deps));
  // 7. Last: expired or malformed buttons and unknown commands.
  bot.use(unhandledFeature());

  // The error boundary: one update's failure is logged and never stops the bot.
  bot.catch(async ({ ctx, error }) => {
    const chatId = ctx.chat?.id;
    if (error instanceof GrammyError && error.error_code === 403 && ctx.chat?.type === 'private' && ctx.from) {
      deps.users.markBlocked(ctx.from.id);
      deps.logger.info({ updateId: ctx.update.update_id }, 'user has blocked the bot');
      return;
    }
    const detail =
      error instanceof GrammyError ? { method: error.method, code: error.error_code, description: error.description }
      : error instanceof HttpError ? { network: String(error.error) }
      : { err: error as Error };
    deps.logger.error({ updateId: ctx.update.update_id, chat: chatId !== undefined, ...detail }, 'update failed');
    // A person who wrote should not be left with silence (a bug, an outage): apologize,
    // best effort, in their language if it was known by then.
    if (ctx.chat?.type === 'private' && (ctx.message || ctx.callbackQuery) && !(error instanceof GrammyError)) {
      const t = ctx.t ?? deps.translate('ar');
      await ctx.reply(t('error.temporary')).catch(() => undefined);
    }
  });
  return bot;
}

/**
 * Runs one update through the bot and its error boundary. An update that met a locked database is
 * the exception: it is thrown back to the dispatcher, which runs it again shortly, with no apology
 * (its writes come before any message is sent, so nothing went out).
 */
export async function handleWithBoundary(bot: Bot<BotContext>, update: Update): Promise<void> {
  try {
    await bot.handleUpdate(update);
  } catch (error) {
    if (!(error instanceof BotError)) throw error;
    if (isBusy(error.error)) throw error.error;
    await bot.errorHandler(error);
  }
}
