import { Composer } from 'grammy';
import type { BotDeps } from '../bot-deps.js';
import { decodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { leadingCommand } from '../middleware/only-when-addressed.js';

// A "what was wrong?" comment is long enough at this size; the rest is cut.
const MAX_COMMENT_CHARS = 1000;

/** 👍/👎 on an answer; after 👎, an optional "what was wrong?" answered by replying. */
export function feedbackFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  composer.on('callback_query:data', async (ctx, next) => {
    const callback = decodeCallback(ctx.callbackQuery.data);
    if (callback?.kind !== 'feedback') return next();
    if (deps.exchanges.ownerOf(callback.exchangeId) !== ctx.from.id) return next();
    deps.exchanges.rate(callback.exchangeId, callback.rating);
    await ctx.answerCallbackQuery(ctx.t('feedback.thanks'));
    if (callback.rating === -1) {
      await ctx.reply(ctx.t('feedback.whatWrong'), { reply_markup: { force_reply: true, input_field_placeholder: ctx.t('feedback.placeholder') } });
    }
  });
  // A reply to the bot right after a 👎 is the comment, not a new question.
  composer.on('message:text', async (ctx, next) => {
    if (ctx.message.reply_to_message?.from?.id !== ctx.me.id || leadingCommand(ctx.message)) return next();
    const exchangeId = deps.exchanges.pendingComment(ctx.from.id);
    if (exchangeId === undefined) return next();
    deps.exchanges.addComment(exchangeId, ctx.message.text.slice(0, MAX_COMMENT_CHARS));
    await ctx.reply(ctx.t('feedback.commentThanks'));
  });
  return composer;
}
