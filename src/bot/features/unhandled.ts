import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

/** Last: a button nobody handled (old, malformed or someone else's) and unknown commands. */
export function unhandledFeature() {
  const composer = new Composer<BotContext>();
  composer.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: ctx.t('callback.expired') }));
  composer.on('message:text', (ctx) => ctx.reply(ctx.t('unknownCommand')));
  composer.on('message', (ctx) => (ctx.chat.type === 'private' ? ctx.reply(ctx.t('media.textOnly')) : undefined));
  return composer;
}
