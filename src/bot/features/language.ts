import { Composer, InlineKeyboard } from 'grammy';
import { LANGUAGES } from '../../i18n/create-i18n.js';
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
      // Each language is named in itself (an endonym), the same in every locale.
      LANGUAGES.reduce(
        (keyboard, language) => keyboard.text(ctx.t(`language.names.${language}`), encodeCallback({ kind: 'language', language })),
        new InlineKeyboard(),
      ),
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
