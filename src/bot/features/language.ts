import { Composer, InlineKeyboard } from 'grammy';
import type { BotDeps } from '../bot-deps.js';
import { decodeCallback, encodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../escape-html.js';
import { replyHtml } from '../reply-html.js';

/** /language: العربية / English / کوردی, remembered per user. */
export function languageFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  composer.command('language', (ctx) =>
    replyHtml(
      ctx,
      escapeHtml(ctx.t('language.choose')),
      new InlineKeyboard()
        .text('العربية', encodeCallback({ kind: 'language', language: 'ar' }))
        .text('English', encodeCallback({ kind: 'language', language: 'en' }))
        .text('کوردی', encodeCallback({ kind: 'language', language: 'ckb' })),
    ),
  );
  composer.on('callback_query:data', async (ctx, next) => {
    const callback = decodeCallback(ctx.callbackQuery.data);
    if (callback?.kind !== 'language') return next();
    deps.users.setLanguage(ctx.from.id, callback.language);
    const t = deps.translate(callback.language);
    await ctx.answerCallbackQuery();
    await ctx.reply(t('language.changed'));
  });
  return composer;
}
