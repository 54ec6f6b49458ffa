import { Composer, InlineKeyboard } from 'grammy';
import { forgetUser } from '../../conversations/forget-user.js';
import type { BotDeps } from '../bot-deps.js';
import { decodeCallback, encodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';

/** /forget: after a confirmation button, deletes the user's messages and profile. */
export function forgetFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  composer.command('forget', (ctx) =>
    ctx.reply(ctx.t('forget.confirm'), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t('forget.yes'), encodeCallback({ kind: 'forget', confirmed: true }))
        .text(ctx.t('forget.no'), encodeCallback({ kind: 'forget', confirmed: false })),
    }),
  );
  composer.on('callback_query:data', async (ctx, next) => {
    const callback = decodeCallback(ctx.callbackQuery.data);
    if (callback?.kind !== 'forget') return next();
    await ctx.answerCallbackQuery();
    if (!callback.confirmed) return void (await ctx.reply(ctx.t('forget.kept')));
    const deleted = forgetUser(deps.db, ctx.from.id);
    deps.logger.info({ exchanges: deleted }, 'user data deleted on request');
    // Their case cards now say the content was deleted at their request.
    deps.desk?.wake();
    // The confirmation buttons would now act on nothing.
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.reply(ctx.t('forget.done'));
  });
  return composer;
}
