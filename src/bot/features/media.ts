import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

/** Photos, voice notes, stickers, locations, contacts, files: a polite "text only"; nothing stored. */
export function mediaFeature() {
  const composer = new Composer<BotContext>();
  composer.on(
    ['message:photo', 'message:voice', 'message:audio', 'message:video', 'message:video_note', 'message:sticker',
      'message:animation', 'message:location', 'message:venue', 'message:contact', 'message:document', 'message:poll'],
    (ctx) => ctx.reply(ctx.t('media.textOnly')),
  );
  return composer;
}
