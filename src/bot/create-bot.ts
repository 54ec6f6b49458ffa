import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot, GrammyError, HttpError } from 'grammy';
import type { BotDeps } from './bot-deps.js';
import type { BotContext } from './context.js';
import { askFeature } from './features/ask.js';
import { contactFeature } from './features/contact.js';
import { feedbackFeature } from './features/feedback.js';
import { forgetFeature } from './features/forget.js';
import { handoffFeature } from './features/handoff.js';
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
import { skipHandledUpdates } from './middleware/skip-handled-updates.js';
import { trackInFlight } from './middleware/track-in-flight.js';
import { trackMembership } from './middleware/track-membership.js';

/** The bot with every feature installed, in an order that matters (see the comments). */
export function createBot(deps: BotDeps): { bot: Bot<BotContext>; idle(): Promise<void> } {
  const bot = new Bot<BotContext>(deps.token, deps.apiRoot ? { client: { apiRoot: deps.apiRoot } } : {});
  // 429s wait for retry_after and 5xx/network errors are retried, so no answer is lost to a storm;
  // after 5 tries the error reaches the boundary below.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }));

  // 0. Count updates in flight, so that shutdown can wait for them.
  const inFlight = trackInFlight<BotContext>();
  bot.use(inFlight.middleware);
  // 1. One chat at a time: the runner handles chats concurrently, but a chat's updates in order.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  // 2. A redelivered update is dropped before anything else sees it.
  bot.use(skipHandledUpdates(deps.handledUpdates));
  // 3. Membership changes carry no text to answer; record blocks before the user is touched.
  bot.use(trackMembership(deps.users));
  // 4. In groups, ignore what is not addressed to the bot, before storing anything about it.
  bot.use(onlyWhenAddressed);
  // 5. The user and their language, which every reply below needs.
  bot.use(attachUser(deps.users, deps.translate));
  // 6. Flood control, before any work is done for the update.
  bot.use(limitRate(deps.rateLimit));
  // 7. Features. Media before text; commands and the 👎 comment before free text is a question.
  bot.use(mediaFeature());
  bot.use(startFeature());
  bot.use(languageFeature(deps));
  bot.use(subscribeFeature(deps));
  bot.use(privacyFeature(deps));
  bot.use(forgetFeature(deps));
  bot.use(contactFeature(deps));
  bot.use(topicsFeature(deps));
  bot.use(feedbackFeature(deps));
  bot.use(handoffFeature(deps));
  bot.use(askFeature(deps));
  // 8. Last: expired or malformed buttons and unknown commands.
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
    // A person who wrote should not be left with silence (a locked database, a bug): apologize,
    // best effort, in their language if it was known by then.
    if (ctx.chat?.type === 'private' && (ctx.message || ctx.callbackQuery) && !(error instanceof GrammyError)) {
      const t = ctx.t ?? deps.translate('ar');
      await ctx.reply(t('error.temporary')).catch(() => undefined);
    }
  });
  return { bot, idle: inFlight.idle };
}
